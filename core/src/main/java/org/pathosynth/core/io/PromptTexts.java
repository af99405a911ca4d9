package org.pathosynth.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * The texts of one bundled prompt in one language, read by key: a UTF-8 properties resource
 * {@code <path>-<lang>.properties}, as the extraction prompt and the LLM module's report, judge and record prompts are.
 */
public final class PromptTexts {
    private final String name;
    private final String language;
    private final Properties entries;

    private PromptTexts(String name, String language, Properties entries) {
        this.name = name;
        this.language = language;
        this.entries = entries;
    }

    /**
     * @param anchor a class of the artifact that bundles the prompt (whose class loader finds it)
     * @param path   the resource path before {@code -<lang>.properties}, e.g. {@code /org/pathosynth/core/prompts/extract}
     * @param name   how messages name the prompt, e.g. {@code extraction}
     * @throws IllegalArgumentException when there is no such prompt in {@code language}
     */
    public static PromptTexts load(Class<?> anchor, String path, String name, String language) {
        String lang = language.toLowerCase(Locale.ROOT);
        try (InputStream in = anchor.getResourceAsStream(path + "-" + lang + ".properties")) {
            if (in == null) {
                throw new IllegalArgumentException("no " + name + " prompt for language '" + language + "' (bundled: fr, en)");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new PromptTexts(name, lang, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The language, lower case. */
    public String language() {
        return language;
    }

    /** @throws IllegalStateException naming the prompt, its language and the key when the prompt lacks it */
    public String get(String key) {
        String v = entries.getProperty(key);
        if (v == null) {
            throw new IllegalStateException(name + " prompt for '" + language + "' lacks the key '" + key + "'");
        }
        return v;
    }
}
