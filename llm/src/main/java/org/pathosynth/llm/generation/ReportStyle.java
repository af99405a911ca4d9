package org.pathosynth.llm.generation;

/** How the report is laid out; each style has its own wording in the prompt resources. */
public enum ReportStyle {
    PROSE,
    STRUCTURED,
    SYNOPTIC;

    String key() {
        return "style." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
