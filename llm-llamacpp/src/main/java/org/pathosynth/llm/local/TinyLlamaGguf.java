package org.pathosynth.llm.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A tiny Llama-architecture model with random weights, written as a GGUF file by our own code: two layers, 32
 * dimensions, a SentencePiece vocabulary of the printable ASCII characters plus byte fallback (so any text encodes and
 * any JSON can be written). It speaks nonsense, quickly: it exists so that tests and examples exercise the real
 * loading, tokenising, generation, stopping and grammar-constrained paths of the in-process backend without
 * downloading a model.
 */
public final class TinyLlamaGguf {
    /** ChatML, the fallback PathoSynth also uses for models without a template of their own. */
    public static final String CHATML_TEMPLATE = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content']"
            + " + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    private static final int EMBEDDING = 32;
    private static final int HEADS = 4;
    private static final int KV_HEADS = 2;
    private static final int FEED_FORWARD = 64;
    private static final int LAYERS = 2;
    private static final int CONTEXT = 16_384;

    private TinyLlamaGguf() {
    }

    /**
     * Writes the model to {@code file}.
     *
     * @param seed         the weights' seed: the same seed writes the same bytes
     * @param chatTemplate a Jinja chat template stored in the model's metadata, or null for a model without one
     */
    public static Path write(Path file, long seed, String chatTemplate) throws IOException {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        List<Integer> types = new ArrayList<>(List.of(2, 3, 3)); // unknown, control, control
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
            types.add(6); // byte fallback
        }
        tokens.add("\u2581"); // SentencePiece's space
        types.add(1);
        for (char c = '!'; c <= '~'; c++) {
            tokens.add(String.valueOf(c));
            types.add(1);
        }
        int vocab = tokens.size();
        float[] scores = new float[vocab];
        for (int i = 0; i < vocab; i++) {
            scores[i] = -i;
        }
        GgufWriter gguf = new GgufWriter()
                .putString("general.architecture", "llama")
                .putString("general.name", "pathosynth-tiny-random")
                .putUint32("general.alignment", GgufWriter.ALIGNMENT)
                .putUint32("llama.context_length", CONTEXT)
                .putUint32("llama.embedding_length", EMBEDDING)
                .putUint32("llama.block_count", LAYERS)
                .putUint32("llama.feed_forward_length", FEED_FORWARD)
                .putUint32("llama.attention.head_count", HEADS)
                .putUint32("llama.attention.head_count_kv", KV_HEADS)
                .putUint32("llama.rope.dimension_count", EMBEDDING / HEADS)
                .putFloat32("llama.attention.layer_norm_rms_epsilon", 1e-5f)
                .putUint32("llama.vocab_size", vocab)
                .putString("tokenizer.ggml.model", "llama")
                .putStrings("tokenizer.ggml.tokens", tokens)
                .putFloats("tokenizer.ggml.scores", scores)
                .putInts("tokenizer.ggml.token_type", types.stream().mapToInt(Integer::intValue).toArray())
                .putUint32("tokenizer.ggml.unknown_token_id", 0)
                .putUint32("tokenizer.ggml.bos_token_id", 1)
                .putUint32("tokenizer.ggml.eos_token_id", 2)
                .putBool("tokenizer.ggml.add_bos_token", true)
                .putBool("tokenizer.ggml.add_eos_token", false);
        if (chatTemplate != null) {
            gguf.putString("tokenizer.chat_template", chatTemplate);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int kv = EMBEDDING / HEADS * KV_HEADS;
        gguf.tensor("token_embd.weight", new long[] {EMBEDDING, vocab}, weights(random, EMBEDDING * vocab, 0.5));
        gguf.tensor("output_norm.weight", new long[] {EMBEDDING}, ones(EMBEDDING));
        gguf.tensor("output.weight", new long[] {EMBEDDING, vocab}, weights(random, EMBEDDING * vocab, 0.5));
        for (int l = 0; l < LAYERS; l++) {
            String b = "blk." + l + ".";
            gguf.tensor(b + "attn_norm.weight", new long[] {EMBEDDING}, ones(EMBEDDING));
            gguf.tensor(b + "attn_q.weight", new long[] {EMBEDDING, EMBEDDING}, weights(random, EMBEDDING * EMBEDDING, 0.2));
            gguf.tensor(b + "attn_k.weight", new long[] {EMBEDDING, kv}, weights(random, EMBEDDING * kv, 0.2));
            gguf.tensor(b + "attn_v.weight", new long[] {EMBEDDING, kv}, weights(random, EMBEDDING * kv, 0.2));
            gguf.tensor(b + "attn_output.weight", new long[] {EMBEDDING, EMBEDDING}, weights(random, EMBEDDING * EMBEDDING, 0.2));
            gguf.tensor(b + "ffn_norm.weight", new long[] {EMBEDDING}, ones(EMBEDDING));
            gguf.tensor(b + "ffn_gate.weight", new long[] {EMBEDDING, FEED_FORWARD}, weights(random, EMBEDDING * FEED_FORWARD, 0.2));
            gguf.tensor(b + "ffn_up.weight", new long[] {EMBEDDING, FEED_FORWARD}, weights(random, EMBEDDING * FEED_FORWARD, 0.2));
            gguf.tensor(b + "ffn_down.weight", new long[] {FEED_FORWARD, EMBEDDING}, weights(random, FEED_FORWARD * EMBEDDING, 0.2));
        }
        gguf.write(file);
        return file;
    }

    private static float[] weights(SplittableRandom random, int n, double scale) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
        }
        return w;
    }

    private static float[] ones(int n) {
        float[] w = new float[n];
        java.util.Arrays.fill(w, 1f);
        return w;
    }
}
