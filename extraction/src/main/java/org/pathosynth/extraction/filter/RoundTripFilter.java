package org.pathosynth.extraction.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.filter.FilterDecision;
import org.pathosynth.core.filter.QualityFilter;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.AttributeKind;

/**
 * Keeps a pair only if an extractor reads back at least a given share of the record's present
 * values from the report (default 1.0: every value). The score is the share recovered; the reasons
 * name the attributes that were missed or misread (never their values, which are patient data).
 *
 * <p>A value the report states but the record lacks is not counted against the pair here: that is
 * hallucination, which a faithfulness judge checks.
 */
public final class RoundTripFilter implements QualityFilter {
    public static final String NAME = "round-trip";
    private static final double NUMERIC_TOLERANCE = 1e-6;

    private final PathologyExtractor extractor;
    private final double minRecoveredShare;
    private final java.util.Set<String> required;

    private RoundTripFilter(PathologyExtractor extractor, double minRecoveredShare) {
        this(extractor, minRecoveredShare, java.util.Set.of());
    }

    private RoundTripFilter(PathologyExtractor extractor, double minRecoveredShare, java.util.Set<String> required) {
        this.required = java.util.Set.copyOf(required);
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        if (!(minRecoveredShare >= 0 && minRecoveredShare <= 1)) {
            throw new IllegalArgumentException("minimum recovered share must be in [0, 1], got " + minRecoveredShare);
        }
        this.minRecoveredShare = minRecoveredShare;
    }

    /** Requires every present value to be recovered. */
    public static RoundTripFilter of(PathologyExtractor extractor) {
        return new RoundTripFilter(extractor, 1.0);
    }

    public static RoundTripFilter of(PathologyExtractor extractor, double minRecoveredShare) {
        return new RoundTripFilter(extractor, minRecoveredShare);
    }

    /**
     * A copy that also requires these attributes (when the record has them) to be read back exactly, whatever the
     * overall share: a per-attribute threshold of 1 for the attributes that matter most.
     */
    public RoundTripFilter requiring(String... attributes) {
        java.util.Set<String> all = new java.util.HashSet<>(required);
        all.addAll(java.util.List.of(attributes));
        return new RoundTripFilter(extractor, minRecoveredShare, all);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FilterDecision judge(ReportPair pair) {
        ClinicalRecord gold = pair.record();
        ClinicalRecord read = extractor.extract(pair.report()).values();
        int present = 0;
        int recovered = 0;
        boolean requiredMissed = false;
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < gold.schema().size(); i++) {
            Object expected = gold.get(i);
            if (expected == null) {
                continue;
            }
            present++;
            Attribute a = gold.schema().attribute(i);
            Object actual = read.schema().has(a.name()) ? read.get(a.name()) : null;
            if (sameValue(a, expected, actual)) {
                recovered++;
            } else {
                reasons.add(a.name() + (actual == null ? ": not found in report" : ": read a different value"));
                requiredMissed |= required.contains(a.name());
            }
        }
        double share = present == 0 ? 1.0 : (double) recovered / present;
        if (share + 1e-12 >= minRecoveredShare && !requiredMissed) {
            return new FilterDecision(true, share, reasons, NAME);
        }
        return FilterDecision.reject(NAME, share, reasons);
    }

    /** Equality after normalisation: numbers within a tolerance, everything else exactly. */
    public static boolean sameValue(Attribute attribute, Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (attribute.kind() == AttributeKind.NUMERIC || attribute.kind() == AttributeKind.INTEGER) {
            return Math.abs(((Number) expected).doubleValue() - ((Number) actual).doubleValue()) <= NUMERIC_TOLERANCE;
        }
        return expected.equals(actual);
    }
}
