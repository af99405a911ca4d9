package org.pathosynth.core.synthesis;

import java.util.Collection;
import java.util.List;
import org.pathosynth.core.schema.Schema;

/**
 * What a differentially private synthesizer does with domains read from the private data (the categories and bounds of
 * inferred columns, {@link org.pathosynth.core.schema.Attribute#domainFromData()}): it refuses them unless the caller
 * accepts them explicitly, and its guarantee then says it does not cover them. Which categories exist and how far a
 * number ranges can single out a patient, and no noise was spent on them.
 */
public final class DataDomains {
    private DataDomains() {
    }

    /**
     * The modelled attributes whose domain came from the data; empty when there are none.
     *
     * @throws IllegalArgumentException naming them and the two ways out, when there are some and they were not accepted
     */
    public static List<String> check(String synthesizer, Schema schema, Collection<String> modelled, boolean accepted) {
        List<String> fromData = schema.dataDerived().stream().filter(modelled::contains).toList();
        if (!fromData.isEmpty() && !accepted) {
            throw new IllegalArgumentException(synthesizer + " is differentially private, but the " + (fromData.size() == 1 ? "domain of "
                    : "domains of ") + String.join(", ", fromData) + (fromData.size() == 1 ? " was" : " were")
                    + " read from the private data (inferred columns): give public bounds (--bounds column=low:high, or min, max "
                    + "and values in the schema file without \"domainFromData\"), leave the column out, or accept the data's "
                    + "domains (accept_data_domains, --accept-data-domains); the guarantee will then say it does not cover them");
        }
        return fromData;
    }

    /** The guarantee with a sentence saying it does not cover the data-derived domains of {@code attributes}. */
    public static PrivacyGuarantee disclosed(PrivacyGuarantee guarantee, List<String> attributes) {
        if (attributes.isEmpty()) {
            return guarantee;
        }
        String sentence = "It does not cover the " + (attributes.size() == 1 ? "domain" : "domains") + " of "
                + String.join(", ", attributes) + " (categories and bounds read from the private data, accepted by the user).";
        String note = guarantee.note() == null || guarantee.note().isBlank() ? sentence
                : guarantee.note().strip() + (guarantee.note().strip().endsWith(".") ? " " : ". ") + sentence;
        return new PrivacyGuarantee(guarantee.epsilon(), guarantee.delta(), guarantee.mechanism(), note);
    }
}
