package org.pathosynth.extraction.rules.internal;

import java.util.Map;

/**
 * One entry of the rules file's {@code readers}: a reader family, the attributes it fills by role, the rule group it
 * reads with, and its cue rules by role. A family that reads one attribute (or needs one cue) has it under
 * {@link #VALUE}: {@code {"family": "finding", "attribute": "perineural_invasion", "rules": "polarity",
 * "cue": "perineuralInvasion"}}.
 *
 * @param family     which reader reads it ("procedure", "finding", "receptor-status", ...)
 * @param attributes attribute names by role ("value"; "taken" and "affected" for node counts...)
 * @param rules      the id of the rule group the family reads with ("specimen", "polarity", "markers"...)
 * @param cues       rule ids by role, for families read with a cue of their own
 */
public record ReaderEntry(String family, Map<String, String> attributes, String rules, Map<String, String> cues) {
    /** The role of the one attribute or cue of an entry that names a single one. */
    public static final String VALUE = "value";

    public ReaderEntry {
        attributes = Map.copyOf(attributes);
        cues = Map.copyOf(cues);
    }

    /** The attribute of a role, or the one attribute. */
    public String attribute(String role) {
        String name = attributes.get(role);
        if (name == null) {
            throw new IllegalStateException("extraction reader " + family + " needs an attribute for '" + role + "'");
        }
        return name;
    }

    /** The cue rule of a role, or the one cue. */
    public String cue(String role) {
        String id = cues.get(role);
        if (id == null) {
            throw new IllegalStateException("extraction reader " + family + " needs a cue rule for '" + role + "'");
        }
        return id;
    }

    /** The id of a rule of the entry's group ({@code rule("window")} is {@code "grade.window"} for the grade reader). */
    public String rule(String name) {
        return rules + "." + name;
    }
}
