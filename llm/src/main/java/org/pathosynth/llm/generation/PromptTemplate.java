package org.pathosynth.llm.generation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.AttributeKind;

/**
 * The report-writing prompt of one language, loaded from {@code prompts/report-<lang>.properties}, and the
 * rendering of a record into it: one line per present attribute, with the schema's labels; missing values are
 * left out so the model has nothing to say about them.
 */
public final class PromptTemplate {
    /** Part of every cache key and provenance entry: bump it when the wording changes. */
    public static final String VERSION = "report-v1";

    private final String language;
    private final Properties text;

    private PromptTemplate(String language, Properties text) {
        this.language = language;
        this.text = text;
    }

    /** The bundled template for {@code fr} or {@code en}. */
    public static PromptTemplate forLanguage(String language) {
        String lang = language.toLowerCase(Locale.ROOT);
        String resource = "/org/pathosynth/llm/prompts/report-" + lang + ".properties";
        try (InputStream in = PromptTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no report prompt for language '" + language + "' (bundled: fr, en)");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new PromptTemplate(lang, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String language() {
        return language;
    }

    public String system() {
        return get("system");
    }

    public String user(ClinicalRecord record, ReportStyle style, int words) {
        return get("user").replace("{values}", values(record)).replace("{style}", get(style.key()))
                .replace("{length}", get("length").replace("{words}", Integer.toString(words)));
    }

    /** A message asking again after a bad answer; {@code reason} is empty, truncated or not_report. */
    public String reask(String reason) {
        return get("reask." + reason);
    }

    /** The record as "- label: value" lines in schema order, present values only. */
    public String values(ClinicalRecord record) {
        StringBuilder out = new StringBuilder();
        for (Attribute a : record.schema().attributes()) {
            Object v = record.get(a.name());
            if (v == null) {
                continue;
            }
            out.append("- ").append(a.label(language)).append(" : ".substring(language.equals("fr") ? 0 : 1))
                    .append(valueText(a, v)).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private String valueText(Attribute a, Object v) {
        if (a.kind() == AttributeKind.BOOLEAN) {
            return get((Boolean) v ? "yes" : "no");
        }
        String formatted = a.format(v);
        if (a.kind() == AttributeKind.CATEGORICAL || a.kind() == AttributeKind.ORDINAL) {
            String label = a.valueLabel(formatted, language);
            return label.equals(formatted) ? formatted : label + " (" + formatted + ")";
        }
        if (language.equals("fr")) {
            formatted = formatted.replace('.', ','); // French decimal comma
        }
        return a.unit() == null ? formatted : formatted + " " + a.unit();
    }

    private String get(String key) {
        String v = text.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("prompt resource for '" + language + "' lacks the key '" + key + "'");
        }
        return v;
    }
}
