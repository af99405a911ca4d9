package org.pathosynth.llm.local;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata of a GGUF file (architecture, context length, chat template...), read in Java before the file is
 * handed to native code: a file that is not GGUF gets a clear error instead of a crash, and the chat template is known.
 * Scalar and string values are kept; arrays (the vocabulary) are skipped.
 */
public record GgufMetadata(int version, long tensorCount, Map<String, Object> values) {

    public static GgufMetadata read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            int magic = Integer.reverseBytes(in.readInt());
            if (magic != GgufWriter.MAGIC) {
                throw new IOException(file + " is not a GGUF model file (it does not start with 'GGUF')");
            }
            int version = Integer.reverseBytes(in.readInt());
            if (version < 2 || version > 3) {
                throw new IOException(file + " is GGUF version " + version + "; versions 2 and 3 are supported");
            }
            long tensors = Long.reverseBytes(in.readLong());
            long count = Long.reverseBytes(in.readLong());
            Map<String, Object> values = new LinkedHashMap<>();
            for (long i = 0; i < count; i++) {
                String key = string(in);
                int type = Integer.reverseBytes(in.readInt());
                Object value = value(in, type);
                if (value != null) {
                    values.put(key, value);
                }
            }
            return new GgufMetadata(version, tensors, Collections.unmodifiableMap(values));
        } catch (java.io.EOFException e) {
            throw new IOException(file + " ends inside its GGUF header: the file is truncated", e);
        }
    }

    public String string(String key) {
        Object v = values.get(key);
        return v instanceof String s ? s : null;
    }

    public Long integer(String key) {
        Object v = values.get(key);
        return v instanceof Number n && !(v instanceof Float || v instanceof Double) ? n.longValue() : null;
    }

    /** The model's chat template, or null when it has none. */
    public String chatTemplate() {
        return string("tokenizer.chat_template");
    }

    public String architecture() {
        return string("general.architecture");
    }

    /** The context length the model was trained with, or null. */
    public Long contextLength() {
        String arch = architecture();
        return arch == null ? null : integer(arch + ".context_length");
    }

    private static Object value(DataInputStream in, int type) throws IOException {
        return switch (type) {
            case 0, 1 -> (long) in.readByte(); // uint8, int8
            case 2, 3 -> (long) Short.reverseBytes(in.readShort());
            case 4 -> Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
            case 5 -> (long) Integer.reverseBytes(in.readInt());
            case 6 -> Float.intBitsToFloat(Integer.reverseBytes(in.readInt()));
            case 7 -> in.readByte() != 0;
            case 8 -> string(in);
            case 9 -> {
                int elementType = Integer.reverseBytes(in.readInt());
                long n = Long.reverseBytes(in.readLong());
                for (long k = 0; k < n; k++) {
                    value(in, elementType);
                }
                yield null; // arrays are skipped
            }
            case 10, 11 -> Long.reverseBytes(in.readLong());
            case 12 -> Double.longBitsToDouble(Long.reverseBytes(in.readLong()));
            default -> throw new IOException("unknown GGUF value type " + type);
        };
    }

    private static String string(DataInputStream in) throws IOException {
        long n = Long.reverseBytes(in.readLong());
        if (n < 0 || n > 1 << 26) {
            throw new IOException("GGUF string of " + n + " bytes: the file is corrupt");
        }
        byte[] b = new byte[(int) n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
