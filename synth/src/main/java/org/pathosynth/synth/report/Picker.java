package org.pathosynth.synth.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses one variant of a template list for one report. The classic entries are drawn from the main random stream
 * exactly as template version 2 drew them; with the extended vocabulary, the {@code vocabulary} stream then keeps that
 * choice or puts an extended entry in its place, each entry by its weight. Variants whose slots cannot be filled
 * (flavour that would contradict the record or state a missing value) are never chosen; when no classic entry is left,
 * an extended one is chosen whatever the vocabulary.
 */
final class Picker {
    private final TemplateSet templates;
    private final RecordSlots slots;
    private final SplittableRandom rng;
    private final SplittableRandom vocabulary;
    private final boolean extended;

    Picker(TemplateSet templates, RecordSlots slots, SplittableRandom rng, SplittableRandom vocabulary, boolean extended) {
        this.templates = templates;
        this.slots = slots;
        this.rng = rng;
        this.vocabulary = vocabulary;
        this.extended = extended;
    }

    boolean extended() {
        return extended;
    }

    /** A variant of the list at {@code path}, or null when there is none. */
    String pick(String... path) {
        return pick(templates.node(path));
    }

    /** Variants for an attribute value: the value's own list, else the {@code "*"} list. */
    String pickValue(JsonNode byValue, String value) {
        JsonNode list = byValue.path(value);
        if (list.isMissingNode()) {
            list = byValue.path("*");
        }
        return pick(list);
    }

    String pick(JsonNode list) {
        return pick(list, new JsonNode[0]);
    }

    /**
     * A variant of {@code list}; with the extended vocabulary, every entry of the {@code more} lists (phrasings that
     * fit only some records, such as "ganglion sentinelle indemne") may take its place too.
     */
    String pick(JsonNode list, JsonNode... more) {
        TemplateSet.Variants variants = templates.variants(list);
        if (variants == null) {
            return null;
        }
        List<TemplateSet.Variant> classic = available(variants.classic());
        String chosen = classic.isEmpty() ? null : classic.get(rng.nextInt(classic.size())).text();
        List<TemplateSet.Variant> extendedVariants = variants.extended();
        if (extended && more.length > 0) {
            extendedVariants = new ArrayList<>(extendedVariants);
            for (JsonNode m : more) {
                TemplateSet.Variants mv = templates.variants(m);
                if (mv != null) {
                    extendedVariants.addAll(mv.classic());
                    extendedVariants.addAll(mv.extended());
                }
            }
        }
        boolean replace = extended;
        if (chosen == null && !extended) {
            replace = true; // no classic phrasing fits (flavour the record cannot fill): a value is never left unsaid
        }
        if (replace && !extendedVariants.isEmpty()) {
            List<TemplateSet.Variant> candidates = available(extendedVariants);
            double weight = 0;
            for (TemplateSet.Variant v : candidates) {
                weight += v.weight();
            }
            if (weight > 0 && (chosen == null || vocabulary.nextDouble() * (classic.size() + weight) >= classic.size())) {
                double u = vocabulary.nextDouble() * weight;
                for (TemplateSet.Variant v : candidates) {
                    chosen = v.text();
                    u -= v.weight();
                    if (u < 0) {
                        break;
                    }
                }
            }
        }
        return chosen;
    }

    private List<TemplateSet.Variant> available(List<TemplateSet.Variant> variants) {
        for (int i = 0; i < variants.size(); i++) {
            if (!fillable(variants.get(i))) {
                List<TemplateSet.Variant> out = new ArrayList<>(variants.size());
                for (TemplateSet.Variant v : variants) {
                    if (fillable(v)) {
                        out.add(v);
                    }
                }
                return out;
            }
        }
        return variants;
    }

    private boolean fillable(TemplateSet.Variant v) {
        for (String slot : v.slots()) {
            if (!slots.available(slot)) {
                return false;
            }
        }
        return true;
    }
}
