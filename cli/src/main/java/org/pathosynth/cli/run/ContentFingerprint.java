package org.pathosynth.cli.run;

import java.nio.file.Path;
import java.util.List;
import org.pathosynth.core.provenance.ContentHash;
import org.pathosynth.core.provenance.DataFingerprint;

/** What resuming is keyed to: the SHA-256 of files' contents (names and times play no part) and of the options given. */
public final class ContentFingerprint {
    private ContentFingerprint() {
    }

    public static String of(List<Path> files, String options) {
        ContentHash h = ContentHash.sha256();
        for (Path f : files) {
            h.field(DataFingerprint.ofFile(f).sha256());
        }
        return h.field(options).hex();
    }
}
