package org.pathosynth.llm.internal.prompt;

import org.pathosynth.core.io.PromptTexts;

/** The prompts this module bundles: {@code prompts/<kind>-<lang>.properties}, UTF-8. */
public final class PromptResource {
    private PromptResource() {
    }

    /** @param kind report, judge or record; @param language fr or en */
    public static PromptTexts load(String kind, String language) {
        return PromptTexts.load(PromptResource.class, "/org/pathosynth/llm/prompts/" + kind, kind, language);
    }
}
