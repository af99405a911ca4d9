package org.pathosynth.examples.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.io.CsvReadOptions;
import org.pathosynth.core.io.CsvTables;
import org.pathosynth.core.random.Seeds;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.eval.extraction.AttributeScore;
import org.pathosynth.eval.extraction.ExtractionScorer;
import org.pathosynth.eval.extraction.ExtractionScores;
import org.pathosynth.extraction.rules.RuleBasedExtractor;
import org.pathosynth.synth.independent.IndependentMarginalsSynthesizer;
import org.pathosynth.synth.report.TemplateReportWriter;

/**
 * Template reports, in all four styles, clean or noisy, must read back through the rule-based extractor with at least
 * 0.98 accuracy per attribute over 1,000 sampled records, in French and in English.
 */
class TemplateRoundTripTest {
    private static final Schema SCHEMA = Schema.breastCancer();
    private static final RuleBasedExtractor EXTRACTOR = RuleBasedExtractor.create();

    /** Records sampled from the independent synthesizer fitted on the bundled TCGA-BRCA table. */
    private static List<ClinicalRecord> sampledFromDemoData(int n) throws Exception {
        try (Reader reader = new InputStreamReader(
                TemplateRoundTripTest.class.getResourceAsStream("/org/pathosynth/examples/demo/tcga-brca.csv"),
                StandardCharsets.UTF_8)) {
            Table real = CsvTables.read(reader, "tcga", SCHEMA, CsvReadOptions.DEFAULT).table();
            return IndependentMarginalsSynthesizer.builder().enforceConstraints(true).build().fit(real).sample(n, 2026).records();
        }
    }

    /** Records drawn over the whole domain, so attributes absent from public data (LVI, Ki-67, size) are covered. */
    private static List<ClinicalRecord> sampledOverTheDomain(int n) {
        SplittableRandom rng = new SplittableRandom(7);
        List<ClinicalRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ClinicalRecord.Builder b = ClinicalRecord.builder(SCHEMA);
            for (Attribute a : SCHEMA.attributes()) {
                if (rng.nextDouble() < 0.2) {
                    continue;
                }
                switch (a.kind()) {
                    case CATEGORICAL, ORDINAL -> b.set(a.name(), a.values().get(rng.nextInt(a.values().size())));
                    case BOOLEAN -> b.set(a.name(), rng.nextBoolean());
                    case INTEGER -> b.set(a.name(), rng.nextInt(0, 40));
                    case NUMERIC -> b.set(a.name(), a.round(rng.nextDouble(a.min(), Math.min(a.max(), 120))));
                }
            }
            ClinicalRecord r = b.build();
            if (!r.violations().isEmpty()) {
                r = r.with("lymph_nodes_affected", r.getInteger("lymph_nodes_taken"));
            }
            out.add(r);
        }
        return out;
    }

    private static ExtractionScores roundTrip(List<ClinicalRecord> records, String language) {
        return roundTrip(records, language, 0);
    }

    private static ExtractionScores roundTrip(List<ClinicalRecord> records, String language, double noise) {
        TemplateReportWriter writer = TemplateReportWriter.builder().language(language).noise(noise).build();
        List<ClinicalRecord> read = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            read.add(EXTRACTOR.extract(writer.generate(new GenerationRequest("r" + i, records.get(i), Seeds.derive(1, "rt", i)))).values());
        }
        return ExtractionScorer.score(SCHEMA, records, read);
    }

    private static void assertEveryAttributeAtLeast(ExtractionScores scores, double minimum) {
        for (var e : scores.perAttribute().entrySet()) {
            AttributeScore s = e.getValue();
            assertThat(s.accuracy()).as("accuracy of %s", e.getKey()).isGreaterThanOrEqualTo(minimum);
            if (s.presence().tp() + s.presence().fn() > 0) {
                assertThat(s.accuracyGoldNonNull()).as("recall of %s", e.getKey()).isGreaterThanOrEqualTo(minimum);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void demoDataRecordsReadBack(String language) throws Exception {
        List<ClinicalRecord> records = sampledFromDemoData(1000);
        assertThat(records).hasSize(1000);
        assertEveryAttributeAtLeast(roundTrip(records, language), 0.98);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void fullDomainRecordsReadBack(String language) {
        List<ClinicalRecord> records = sampledOverTheDomain(1000);
        ExtractionScores scores = roundTrip(records, language);
        assertEveryAttributeAtLeast(scores, 0.98);
        // Every attribute is actually exercised.
        scores.perAttribute().forEach((name, s) -> assertThat(s.presence().tp()).as(name).isGreaterThan(500));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void noisyReportsInEveryStyleReadBack(String language) {
        // every report gets typographic accidents: wrapped and hyphenated lines, capitals without accents, spacing
        assertEveryAttributeAtLeast(roundTrip(sampledOverTheDomain(1000), language, 1.0), 0.98);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void fixtureRecordsReadBack(String language) {
        // the project's own fixtures: copula records of the public tables completed with priors
        List<ClinicalRecord> records = org.pathosynth.fixtures.PathologyFixtures.breastCancer().seed(5).records(1000);
        assertEveryAttributeAtLeast(roundTrip(records, language, 0.3), 0.98);
    }
}
