package org.pathosynth.core.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** PathoSynth's version, as Maven wrote it into the core jar at build time. */
public final class LibraryVersion {
    private static final String VERSION = read();

    private LibraryVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = LibraryVersion.class.getResourceAsStream("/org/pathosynth/core/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
