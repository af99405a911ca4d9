package org.pathosynth.cli.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** What resuming is keyed to: the SHA-256 of files' contents (names and times play no part) and of the options given. */
public final class ContentFingerprint {
    private ContentFingerprint() {
    }

    public static String of(List<Path> files, String options) {
        try {
            MessageDigest all = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                MessageDigest one = MessageDigest.getInstance("SHA-256");
                try (var in = new DigestInputStream(Files.newInputStream(f), one)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                all.update(one.digest());
            }
            all.update(options.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(all.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
