package org.pathosynth.extraction.export;

import java.util.Arrays;
import java.util.Locale;

/** The fine-tuning file formats a corpus can be exported to. */
public enum ExportFormat {
    /** OpenAI chat fine-tuning: {"messages": [system, user, assistant]}. */
    OPENAI("openai"),
    /** Mistral fine-tuning: the same chat shape, {"messages": [...]}, the assistant turn last. */
    MISTRAL("mistral"),
    /** Hugging Face TRL / datasets conversational format: {"messages": [...]} with an "id" column. */
    HF_MESSAGES("hf-messages"),
    /** Alpaca instruction tuning: {"instruction", "input", "output"}. */
    ALPACA("alpaca");

    private final String cliName;

    ExportFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static ExportFormat parse(String name) {
        return Arrays.stream(values()).filter(f -> f.cliName.equals(name.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("export format must be one of "
                        + Arrays.stream(values()).map(ExportFormat::cliName).toList() + ", got '" + name + "'"));
    }
}
