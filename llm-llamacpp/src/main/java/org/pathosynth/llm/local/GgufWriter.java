package org.pathosynth.llm.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a GGUF file (version 3, little-endian): typed metadata, then tensor descriptions, then the 32-byte aligned
 * tensor data, all as F32. Enough of the format to write the small models PathoSynth's own tests load; see the GGUF
 * specification in the ggml repository for the layout.
 */
final class GgufWriter {
    static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian uint32
    static final int VERSION = 3;
    static final int ALIGNMENT = 32;

    // value types of the format
    static final int UINT32 = 4;
    static final int INT32 = 5;
    static final int FLOAT32 = 6;
    static final int BOOL = 7;
    static final int STRING = 8;
    static final int ARRAY = 9;
    private static final int TENSOR_F32 = 0;

    private final List<byte[]> metadata = new ArrayList<>();
    private final List<Tensor> tensors = new ArrayList<>();

    private record Tensor(String name, long[] dims, float[] data) {
    }

    public GgufWriter putString(String key, String value) {
        Bytes b = new Bytes().string(key).u32(STRING).string(value);
        metadata.add(b.toArray());
        return this;
    }

    public GgufWriter putUint32(String key, int value) {
        metadata.add(new Bytes().string(key).u32(UINT32).u32(value).toArray());
        return this;
    }

    public GgufWriter putFloat32(String key, float value) {
        metadata.add(new Bytes().string(key).u32(FLOAT32).f32(value).toArray());
        return this;
    }

    public GgufWriter putBool(String key, boolean value) {
        metadata.add(new Bytes().string(key).u32(BOOL).u8(value ? 1 : 0).toArray());
        return this;
    }

    public GgufWriter putStrings(String key, List<String> values) {
        Bytes b = new Bytes().string(key).u32(ARRAY).u32(STRING).u64(values.size());
        values.forEach(b::string);
        metadata.add(b.toArray());
        return this;
    }

    public GgufWriter putFloats(String key, float[] values) {
        Bytes b = new Bytes().string(key).u32(ARRAY).u32(FLOAT32).u64(values.length);
        for (float v : values) {
            b.f32(v);
        }
        metadata.add(b.toArray());
        return this;
    }

    public GgufWriter putInts(String key, int[] values) {
        Bytes b = new Bytes().string(key).u32(ARRAY).u32(INT32).u64(values.length);
        for (int v : values) {
            b.u32(v);
        }
        metadata.add(b.toArray());
        return this;
    }

    /** A tensor of F32 values; {@code dims} innermost first, as ggml counts them. */
    public GgufWriter tensor(String name, long[] dims, float[] data) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("tensor " + name + " has " + data.length + " values for dimensions " + java.util.Arrays.toString(dims));
        }
        tensors.add(new Tensor(name, dims.clone(), data));
        return this;
    }

    public void write(Path file) throws IOException {
        Bytes header = new Bytes().u32(MAGIC).u32(VERSION).u64(tensors.size()).u64(metadata.size());
        metadata.forEach(header::raw);
        long offset = 0;
        for (Tensor t : tensors) {
            header.string(t.name()).u32(t.dims().length);
            for (long d : t.dims()) {
                header.u64(d);
            }
            header.u32(TENSOR_F32).u64(offset);
            offset = align(offset + 4L * t.data().length);
        }
        header.pad();
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(header.toArray());
            for (Tensor t : tensors) {
                ByteBuffer data = ByteBuffer.allocate((int) align(4L * t.data().length)).order(ByteOrder.LITTLE_ENDIAN);
                for (float v : t.data()) {
                    data.putFloat(v);
                }
                out.write(data.array());
            }
        }
    }

    private static long align(long n) {
        return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /** A growing little-endian byte buffer. */
    private static final class Bytes {
        private ByteBuffer buf = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);

        private void room(int n) {
            if (buf.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n)).order(ByteOrder.LITTLE_ENDIAN);
                buf.flip();
                bigger.put(buf);
                buf = bigger;
            }
        }

        Bytes u8(int v) {
            room(1);
            buf.put((byte) v);
            return this;
        }

        Bytes u32(int v) {
            room(4);
            buf.putInt(v);
            return this;
        }

        Bytes u64(long v) {
            room(8);
            buf.putLong(v);
            return this;
        }

        Bytes f32(float v) {
            room(4);
            buf.putFloat(v);
            return this;
        }

        Bytes string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u64(b.length);
            return raw(b);
        }

        Bytes raw(byte[] b) {
            room(b.length);
            buf.put(b);
            return this;
        }

        Bytes pad() {
            while (buf.position() % ALIGNMENT != 0) {
                u8(0);
            }
            return this;
        }

        byte[] toArray() {
            return java.util.Arrays.copyOf(buf.array(), buf.position());
        }
    }
}
