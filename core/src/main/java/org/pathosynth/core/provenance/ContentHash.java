package org.pathosynth.core.provenance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over a sequence of fields, each prefixed by its UTF-8 length, so that two different sequences never hash
 * alike by running into each other ("ab", "c" against "a", "bc"). Data fingerprints and LLM cache keys are such hashes.
 */
public final class ContentHash {
    private final MessageDigest sha;

    private ContentHash(MessageDigest sha) {
        this.sha = sha;
    }

    public static ContentHash sha256() {
        try {
            return new ContentHash(MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Adds a field: its UTF-8 length (4 bytes, big-endian), then its bytes. */
    public ContentHash field(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) (b.length >>> 24));
        sha.update((byte) (b.length >>> 16));
        sha.update((byte) (b.length >>> 8));
        sha.update((byte) b.length);
        sha.update(b);
        return this;
    }

    /** Adds one byte between groups of fields (a row's end, say). */
    public ContentHash separator(byte b) {
        sha.update(b);
        return this;
    }

    /** Adds bytes as they are, without a length (the content of a file). */
    public ContentHash bytes(byte[] b, int offset, int length) {
        sha.update(b, offset, length);
        return this;
    }

    /** The hash in lower-case hexadecimal; the hash cannot take more fields after. */
    public String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }
}
