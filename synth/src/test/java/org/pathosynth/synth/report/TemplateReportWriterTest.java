package org.pathosynth.synth.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.generation.ReportStyle;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;

class TemplateReportWriterTest {
    private static final Schema SCHEMA = Schema.breastCancer();
    private static final ClinicalRecord FULL = ClinicalRecord.of(SCHEMA, Map.ofEntries(
            Map.entry("test_used_for_diagnosis", "lumpectomy"), Map.entry("morphology_icdo", "8520/3"),
            Map.entry("sbr_grade", "2"), Map.entry("tumor_size_mm", 28.0), Map.entry("clear_margins", true),
            Map.entry("lymph_nodes_taken", 12), Map.entry("lymph_nodes_affected", 2),
            Map.entry("lymphovascular_invasion", false), Map.entry("extracapsular_spread", true),
            Map.entry("er_status", "positive"), Map.entry("pr_status", "negative"),
            Map.entry("her2_status", "negative"), Map.entry("ki67_percent", 17.5)));

    @Test
    void sameSeedSameTextAndProvenance() {
        TemplateReportWriter w = TemplateReportWriter.builder().build();
        Report a = w.generate(new GenerationRequest("r1", FULL, 99));
        Report b = w.generate(new GenerationRequest("r1", FULL, 99));
        assertThat(a).isEqualTo(b);
        assertThat(a.language()).isEqualTo("fr");
        assertThat(a.provenance().producer()).isEqualTo("template");
        assertThat(a.provenance().get("seed")).isEqualTo("99");
        assertThat(a.provenance().get("style")).isIn("prose", "structured", "synoptic", "sectioned");
        assertThat(a.provenance().get("noise")).isEqualTo("0.0");
    }

    @Test
    void wordingVariesWithTheSeedInEveryStyle() {
        TemplateReportWriter w = TemplateReportWriter.builder().build();
        Set<String> texts = new HashSet<>();
        Set<String> styles = new HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            Report r = w.generate(new GenerationRequest("r", FULL, seed));
            texts.add(r.text());
            styles.add(r.provenance().get("style"));
        }
        assertThat(texts).hasSizeGreaterThan(90);
        assertThat(styles).containsExactlyInAnyOrder("prose", "structured", "synoptic", "sectioned");
    }

    @Test
    void missingValuesAreNotMentioned() {
        ClinicalRecord gradeOnly = ClinicalRecord.of(SCHEMA, Map.of("sbr_grade", "3"));
        TemplateReportWriter fr = TemplateReportWriter.builder().build();
        TemplateReportWriter en = TemplateReportWriter.builder().language("en").build();
        for (long seed = 0; seed < 50; seed++) {
            String f = fr.generate(new GenerationRequest("g", gradeOnly, seed)).text().toLowerCase();
            assertThat(f).containsAnyOf("iii", "3").doesNotContain("her2", "ganglion", "récepteur", "ki", " mm", "embole",
                    "limite", "marge", "tumorectomie", "mastectomie", "biopsie", "carcinome");
            String e = en.generate(new GenerationRequest("g", gradeOnly, seed)).text().toLowerCase();
            assertThat(e).doesNotContain("her2", "node", "receptor", "ki-67", " mm", "invasion", "margin", "carcinoma");
        }
    }

    @Test
    void statesTheValuesInTheChosenLanguage() {
        String en = TemplateReportWriter.builder().language("en").styles(ReportStyle.STRUCTURED).build()
                .generate(new GenerationRequest("r", FULL, 3)).text();
        assertThat(en).contains("invasive lobular carcinoma").containsAnyOf("28 mm", "2.8 cm").containsAnyOf("17.5%", "17.5 %");
        String fr = TemplateReportWriter.builder().styles(ReportStyle.PROSE).build()
                .generate(new GenerationRequest("r", FULL, 3)).text();
        assertThat(fr.toLowerCase()).contains("carcinome lobulaire infiltrant").containsAnyOf("28 mm", "2,8 cm").contains("17,5");
    }

    @Test
    void spansAreOptionalAndLeaveTheTextAlone() {
        for (long seed = 0; seed < 50; seed++) {
            GenerationRequest request = new GenerationRequest("r", FULL, seed);
            Report plain = TemplateReportWriter.builder().noise(0.5).spans(false).build().generate(request);
            Report spanned = TemplateReportWriter.builder().noise(0.5).build().generate(request); // spans are on by default
            assertThat(plain.spans()).isEmpty();
            assertThat(spanned.text()).isEqualTo(plain.text());
            assertThat(spanned.spans()).hasSize(13);
        }
    }

    @Test
    void badConfigurationIsRefused() {
        assertThatThrownBy(() -> TemplateReportWriter.builder().language("de").build())
                .hasMessageContaining("no report templates for language 'de'");
        Schema other = Schema.fromJson("{\"name\":\"other\",\"attributes\":[{\"name\":\"x\",\"kind\":\"boolean\"}]}");
        assertThatThrownBy(() -> TemplateReportWriter.builder().build()
                .generate(new GenerationRequest("r", ClinicalRecord.of(other, Map.of("x", true)), 1)))
                .hasMessageContaining("record schema 'other'");
    }

    @Test
    void otherSchemasAreWrittenWithTheirLabels() {
        Schema lung = Schema.fromJson("{\"name\":\"lung\",\"attributes\":[{\"name\":\"egfr\",\"kind\":\"categorical\","
                + "\"values\":[\"mutated\",\"wild\"],\"labels\":{\"fr\":\"Statut EGFR\"},"
                + "\"valueLabels\":{\"mutated\":{\"fr\":\"muté\"}}}]}");
        String text = TemplateReportWriter.builder().schema(lung).styles(ReportStyle.STRUCTURED).build()
                .generate(new GenerationRequest("r", ClinicalRecord.of(lung, Map.of("egfr", "mutated")), 1)).text();
        assertThat(text).contains("Statut EGFR : muté");
    }

    @Test
    void synopticChecklistsHaveDotLeadersAndSectionedReportsHaveSections() {
        String synoptic = TemplateReportWriter.builder().styles(ReportStyle.SYNOPTIC).build().generate(new GenerationRequest("r", FULL, 5)).text();
        assertThat(synoptic.lines().filter(l -> l.matches(".+ \\.{3,} .+")).count()).isEqualTo(13); // one line per value
        String sectioned = TemplateReportWriter.builder().language("en").styles(ReportStyle.SECTIONED).build()
                .generate(new GenerationRequest("r", FULL, 5)).text().toLowerCase();
        assertThat(sectioned).containsAnyOf("gross description", "macroscopy", "macroscopic description")
                .containsAnyOf("microscopic description", "microscopic examination", "microscopy", "histology")
                .containsAnyOf("immunohistochemistry", "biomarkers", "receptor studies")
                .contains("invasive lobular carcinoma");
        assertThat(sectioned.indexOf("lumpectomy")).isLessThan(sectioned.indexOf("invasive lobular carcinoma"));
    }

    @Test
    void noiseWrapsLinesAndSometimesCapitalisesWithoutChangingTheValues() {
        // the classic wording states the size as "28 mm" or "2,8 cm" (the extended one also as "28 x 20 x 15 mm")
        TemplateReportWriter noisy = TemplateReportWriter.builder().styles(ReportStyle.PROSE).vocabulary(Vocabulary.CLASSIC).noise(1.0).build();
        TemplateReportWriter clean = TemplateReportWriter.builder().styles(ReportStyle.PROSE).vocabulary(Vocabulary.CLASSIC).build();
        int wrapped = 0;
        int capitals = 0;
        for (long seed = 0; seed < 200; seed++) {
            String n = noisy.generate(new GenerationRequest("r", FULL, seed)).text();
            assertThat(n).isEqualTo(noisy.generate(new GenerationRequest("r", FULL, seed)).text()); // seeded
            String c = clean.generate(new GenerationRequest("r", FULL, seed)).text();
            wrapped += n.lines().count() > c.lines().count() ? 1 : 0;
            capitals += n.equals(n.toUpperCase()) ? 1 : 0;
            assertThat(n.toLowerCase().replaceAll("-\n", "")).containsAnyOf("28 mm", "2,8 cm");
        }
        assertThat(wrapped).isGreaterThan(60);
        assertThat(capitals).isBetween(30, 90); // about 30 % of reports
        assertThatThrownBy(() -> TemplateReportWriter.builder().noise(1.5)).hasMessageContaining("between 0 and 1");
    }

    @Test
    void aBreastSpecimenSentWithItsNodesMaySaySoButNeverANodeProcedureItDidNotHave() {
        TemplateReportWriter w = TemplateReportWriter.builder().vocabulary(Vocabulary.EXTENDED).build();
        ClinicalRecord twoNodes = ClinicalRecord.of(SCHEMA, Map.of("test_used_for_diagnosis", "mastectomy", "lymph_nodes_taken", 2,
                "lymph_nodes_affected", 0));
        int withDissection = 0;
        for (int seed = 0; seed < 400; seed++) {
            String withNodes = w.generate(new GenerationRequest("r", FULL, seed)).text().toLowerCase(java.util.Locale.ROOT);
            withDissection += withNodes.contains("et curage axillaire") ? 1 : 0;
            String sentinel = w.generate(new GenerationRequest("r", twoNodes, seed)).text().toLowerCase(java.util.Locale.ROOT);
            assertThat(sentinel).as("two nodes: a sentinel procedure, not a dissection").doesNotContain("avec curage axillaire")
                    .doesNotContain("et curage axillaire");
        }
        assertThat(withDissection).as("a lumpectomy with 12 nodes sometimes says its dissection").isBetween(1, 120);
    }

    /**
     * A table's column that reports never state (inferred, without labels) is in the context's schema, as `generate`
     * and `run` build it: every style writes the row, projected or not, and never states that column (every record
     * written as a checklist failed before).
     */
    @Test
    void aTableOnlyColumnIsNeitherWrittenNorInTheWay(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path csv = dir.resolve("t.csv");
        java.nio.file.Files.writeString(csv, "test_used_for_diagnosis,morphology_icdo,sbr_grade,tumor_size_category\n"
                + "mastectomy,8520/3,1,>50\nlumpectomy,8500/3,2,20-50\n");
        Schema inferred = Schema.infer(csv, Schema.breastCancer()).schema();
        assertThat(inferred.attribute("tumor_size_category").tableOnly()).isTrue();
        org.pathosynth.core.data.Table table = org.pathosynth.core.io.CsvTables.read(csv, inferred,
                org.pathosynth.core.io.CsvReadOptions.DEFAULT).table();
        for (ReportStyle style : ReportStyle.values()) {
            TemplateReportWriter writer = TemplateReportWriter.builder().schema(inferred).styles(style).build();
            for (GenerationRequest projected : org.pathosynth.core.generation.GenerationRequests.forTable(table, 4)) {
                int row = Integer.parseInt(projected.id().substring(1)) - 1;
                GenerationRequest whole = new GenerationRequest(projected.id(), table.record(row), projected.seed());
                for (GenerationRequest r : java.util.List.of(projected, whole)) {
                    String text = writer.generate(r).text();
                    assertThat(text).as(style + "\n" + text).contains(row == 0 ? "lobulaire" : "non spécifique").doesNotContain(">50", "20-50");
                }
            }
        }
    }
}
