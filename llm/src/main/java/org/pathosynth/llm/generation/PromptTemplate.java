package org.pathosynth.llm.generation;

import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.generation.ReportStyle;
import org.pathosynth.core.io.PromptTexts;
import org.pathosynth.llm.internal.prompt.PromptResource;
import org.pathosynth.llm.internal.prompt.RecordText;

/** The report-writing prompt of one language ({@code prompts/report-<lang>.properties}) filled from a record. */
final class PromptTemplate {
    /** Part of every cache key and provenance entry: bump it when the wording changes. */
    static final String VERSION = "report-v1";

    private final PromptTexts text;
    private final RecordText values;

    private PromptTemplate(PromptTexts text, RecordText values) {
        this.text = text;
        this.values = values;
    }

    /** The bundled template for {@code fr} or {@code en}. */
    static PromptTemplate forLanguage(String language) {
        return new PromptTemplate(PromptResource.load("report", language), RecordText.inLanguage(language));
    }

    String language() {
        return text.language();
    }

    String system() {
        return text.get("system");
    }

    String user(ClinicalRecord record, ReportStyle style, int words) {
        return text.get("user").replace("{values}", values.render(record)).replace("{style}", text.get("style." + style.cliName()))
                .replace("{length}", text.get("length").replace("{words}", Integer.toString(words)));
    }

    /** A message asking again after a bad answer; {@code reason} is empty, truncated or not_report. */
    String reask(String reason) {
        return text.get("reask." + reason);
    }
}
