package org.pathosynth.llm.internal.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/** One bundled prompt text ({@code prompts/<kind>-<lang>.properties}, UTF-8): its entries by key. */
public final class PromptResource {
    private final String kind;
    private final String language;
    private final Properties entries;

    private PromptResource(String kind, String language, Properties entries) {
        this.kind = kind;
        this.language = language;
        this.entries = entries;
    }

    /** @param kind report, extract, judge or record; @param language fr or en */
    public static PromptResource load(String kind, String language) {
        String lang = language.toLowerCase(Locale.ROOT);
        String resource = "/org/pathosynth/llm/prompts/" + kind + "-" + lang + ".properties";
        try (InputStream in = PromptResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + kind + " prompt for language '" + language + "' (bundled: fr, en)");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new PromptResource(kind, lang, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String language() {
        return language;
    }

    public String get(String key) {
        String v = entries.getProperty(key);
        if (v == null) {
            throw new IllegalStateException(kind + " prompt for '" + language + "' lacks the key '" + key + "'");
        }
        return v;
    }
}
