package org.pathosynth.eval.encoding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The conformance stand-in embedder: v_j = (b_j − 127.5) / 127.5 for the first 16 bytes of
 * SHA-256(UTF-8(label)), then L2-normalised. Deterministic and dependency-free; it carries no
 * meaning, so similar labels are not close (use a real embedding model for that).
 */
public final class HashingLabelEmbedder implements LabelEmbedder {
    public static final int DIMENSION = 16;

    @Override
    public String name() {
        return "hashing";
    }

    @Override
    public double[][] embed(List<String> labels) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        double[][] out = new double[labels.size()][];
        for (int i = 0; i < out.length; i++) {
            byte[] digest = sha.digest(labels.get(i).getBytes(StandardCharsets.UTF_8));
            double[] v = new double[DIMENSION];
            double norm = 0;
            for (int j = 0; j < DIMENSION; j++) {
                v[j] = ((digest[j] & 0xFF) - 127.5) / 127.5;
                norm += v[j] * v[j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < DIMENSION; j++) {
                v[j] /= norm;
            }
            out[i] = v;
        }
        return out;
    }
}
