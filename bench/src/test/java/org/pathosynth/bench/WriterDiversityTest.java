package org.pathosynth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.io.CsvReadOptions;
import org.pathosynth.core.io.CsvTables;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.synth.independent.IndependentMarginalsSynthesizer;
import org.pathosynth.synth.report.TemplateReportWriter;

/** The offline writer's 1,000 reports are more varied than a single template stating the same values. */
class WriterDiversityTest {

    private static List<ClinicalRecord> records() throws Exception {
        try (Reader reader = new InputStreamReader(
                WriterDiversityTest.class.getResourceAsStream("/org/pathosynth/examples/demo/tcga-brca.csv"), StandardCharsets.UTF_8)) {
            var real = CsvTables.read(reader, "tcga", Schema.breastCancer(), CsvReadOptions.DEFAULT).table();
            return IndependentMarginalsSynthesizer.builder().enforceConstraints(true).build().fit(real).sample(1000, 5).records();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void moreDistinctWordPairsLowerSelfBleuAndWiderLengthsThanOneTemplate(String language) throws Exception {
        WriterDiversity d = WriterDiversity.measure(records(), TemplateReportWriter.builder().language(language).build(), 1);
        // measured: distinct-2 0.0218 / 0.0213 vs 0.0033; self-BLEU 0.984 / 0.983 vs 0.998; length sd 11.3 / 10.7 vs 5.8 / 5.3
        assertThat(d.writer().reports()).isEqualTo(1000);
        assertThat(d.writer().distinct2()).isGreaterThan(4 * d.singleTemplate().distinct2());
        assertThat(d.writer().distinct1()).isGreaterThan(1.5 * d.singleTemplate().distinct1());
        assertThat(d.writer().selfBleu()).isLessThan(d.singleTemplate().selfBleu() - 0.01);
        assertThat(d.writer().stdLength()).isGreaterThan(1.5 * d.singleTemplate().stdLength());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void theBaselineStatesEachValueInTheSameWords(String language) throws Exception {
        ClinicalRecord r = records().get(0);
        String text = WriterDiversity.singleTemplate(r, language);
        assertThat(text).isEqualTo(WriterDiversity.singleTemplate(r, language));
        assertThat(text.split("\\. ")).hasSize((int) r.asMap().values().stream().filter(v -> v != null).count());
    }
}
