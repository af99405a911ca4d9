package org.pathosynth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.io.CsvTables;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.synth.copula.GaussianCopulaModel;
import org.pathosynth.synth.gan.GanModel;

class SynthesizeCommandTest {

    private static Path demoTable(Path dir) throws Exception {
        Path csv = dir.resolve("real.csv");
        try (var in = SynthesizeCommandTest.class.getResourceAsStream("/org/pathosynth/examples/demo/tcga-brca.csv")) {
            Files.copy(in, csv);
        }
        return csv;
    }

    @Test
    void everyColumnOfTheTableIsKeptIdentifiersLeftOutAndDifferentialPrivacyAsksBeforeUsingDataDomains(@TempDir Path dir)
            throws Exception {
        Path real = demoTable(dir);
        Path out = dir.resolve("syn.csv");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--n", "200", "--seed", "3", "--out", out.toString())).isZero();
            assertThat(err.text()).contains("kept 'tumor_size_category', typed from the data as categorical (4 values)")
                    .contains("left out 'source_id': an identifier");
        }
        List<String> header = List.of(Files.readAllLines(out).get(0).split(","));
        assertThat(header).contains("tumor_size_category").doesNotContain("source_id");
        Schema inferred = Schema.infer(real, Schema.breastCancer()).schema();
        var table = CsvTables.read(out, inferred).table();
        assertThat(table.column(inferred.indexOf("tumor_size_category")).missingCount()).isLessThan(200);

        Path mst = dir.resolve("mst.csv");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--synthesizer", "mst", "--n", "50", "--out",
                    mst.toString())).isEqualTo(1);
            assertThat(err.text()).contains("the domain of tumor_size_category was read from the private data").contains("--accept-data-domains");
            assertThat(mst).doesNotExist();
        }
        assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--synthesizer", "mst", "--accept-data-domains", "--n", "50",
                "--out", mst.toString())).isZero();
        var provenance = org.pathosynth.core.provenance.ProvenanceJson.readSideFile(mst);
        assertThat(provenance.privacy().epsilon()).isEqualTo(1.0);
        assertThat(provenance.privacy().note()).endsWith("It does not cover the domain of tumor_size_category (categories and bounds "
                + "read from the private data, accepted by the user).");
        // the preset alone: the extra column is ignored, and MST needs no consent
        Path preset = dir.resolve("preset.csv");
        assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--schema", "breast-cancer", "--synthesizer", "mst", "--n", "50",
                "--out", preset.toString())).isZero();
        assertThat(Files.readAllLines(preset).get(0)).doesNotContain("tumor_size_category");
    }

    @Test
    void theSchemaCommandWritesAnEditableSchemaThatReadsTheTableBack(@TempDir Path dir) throws Exception {
        Path real = demoTable(dir);
        Path schema = dir.resolve("schema.json");
        assertThat(PathoSynthCli.run("schema", "--real", real.toString(), "--out", schema.toString())).isZero();
        Schema s = Schema.fromJson(schema);
        assertThat(s.names()).startsWith(Schema.breastCancer().names().toArray(String[]::new)).endsWith("tumor_size_category");
        assertThat(s.dataDerived()).containsExactly("tumor_size_category");
        Path all = dir.resolve("all.json");
        assertThat(PathoSynthCli.run("schema", "--real", real.toString(), "--schema", "infer", "--bounds", "lymph_nodes_taken=0:80",
                "--out", all.toString())).isZero();
        Schema inferred = Schema.fromJson(all);
        assertThat(inferred.names()).doesNotContain("source_id").contains("lymph_nodes_taken", "tumor_size_category");
        assertThat(inferred.attribute("lymph_nodes_taken").max()).isEqualTo(80.0);
        assertThat(inferred.attribute("lymph_nodes_taken").domainFromData()).isFalse();
        assertThat(inferred.attribute("her2_status").values()).containsExactly("negative", "positive");
        Path out = dir.resolve("syn.csv");
        assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--schema", all.toString(), "--n", "30", "--out",
                out.toString())).isZero();
        assertThat(CsvTables.read(out, inferred).table().rowCount()).isEqualTo(30);
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("schema", "--real", real.toString(), "--bounds", "her2_status=0:1", "--out",
                    dir.resolve("x.json").toString())).isEqualTo(1);
            assertThat(err.text()).contains("--bounds: attribute 'her2_status' is categorical: bounds apply only to numbers");
        }
    }

    @Test
    void dateColumnsAreModelledInTheirOwnFormAndBoundedPubliclyForDifferentialPrivacy(@TempDir Path dir) throws Exception {
        Path real = dir.resolve("dated.csv");
        StringBuilder text = new StringBuilder("grade,surgery,received\n");
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 120; i++) {
            java.time.LocalDate day = java.time.LocalDate.of(2015, 1, 1).plusDays(random.nextInt(2000));
            java.time.LocalDateTime at = java.time.LocalDateTime.of(2020, 1, 1, 0, 0).plusMinutes(random.nextInt(200_000));
            text.append(1 + random.nextInt(3)).append(',').append(day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                    .append(',').append(at.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).append('\n');
        }
        Files.writeString(real, text);
        Path copula = dir.resolve("copula.csv");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--schema", "infer", "--n", "100", "--out",
                    copula.toString())).isZero();
            assertThat(err.text()).contains("kept 'surgery', typed from the data as date (written dd/MM/yyyy)")
                    .contains("kept 'received', typed from the data as datetime (written yyyy-MM-dd HH:mm)");
        }
        List<String> rows = Files.readAllLines(copula);
        assertThat(rows.get(0)).isEqualTo("grade,surgery,received");
        java.time.LocalDate low = java.time.LocalDate.of(2015, 1, 1);
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            java.time.LocalDate day = java.time.LocalDate.parse(cells[1], java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            assertThat(day).as("within the table's dates").isBetween(low, low.plusDays(2000));
            assertThat(cells[2]).matches("2020-0[1-6]-\\d\\d \\d\\d:\\d\\d");
        }
        Path mst = dir.resolve("mst.csv");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--schema", "infer", "--synthesizer", "mst", "--bounds",
                    "grade=1:3", "--n", "50", "--out", mst.toString())).isEqualTo(1);
            assertThat(err.text()).contains("the domains of surgery, received were read from the private data");
            assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--schema", "infer", "--synthesizer", "mst", "--bounds",
                    "grade=1:3", "--bounds", "surgery=2010-01-01:2022-12-31", "--n", "50", "--out", mst.toString())).isEqualTo(1);
            assertThat(err.text()).contains("--bounds surgery=2010-01-01:2022-12-31: '2010-01-01' is not a date written dd/MM/yyyy, "
                    + "e.g. surgery=01/01/2000:31/12/2020");
        }
        assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--schema", "infer", "--synthesizer", "mst", "--bounds",
                "grade=1:3", "--bounds", "surgery=01/01/2010:31/12/2022", "--bounds", "received=2019-01-01 00:00..2021-12-31 23:59",
                "--n", "50", "--out", mst.toString())).isZero();
        assertThat(org.pathosynth.core.provenance.ProvenanceJson.readSideFile(mst).privacy().note()).doesNotContain("does not cover the domain");
        for (String row : Files.readAllLines(mst).subList(1, 51)) {
            String[] cells = row.split(",", -1);
            if (cells[1].isEmpty() || cells[2].isEmpty()) {
                continue; // MST's noisy marginals may give the missing value some weight (its domain has one for every column)
            }
            java.time.LocalDate day = java.time.LocalDate.parse(cells[1], java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            assertThat(day).as("within the public bounds").isBetween(java.time.LocalDate.of(2010, 1, 1), java.time.LocalDate.of(2022, 12, 31));
            assertThat(cells[2]).matches("20(19|20|21)-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        }
    }

    @Test
    void copulaWritesTableMetaAndReusableModel(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("syn.csv");
        Path meta = dir.resolve("meta.json");
        Path model = dir.resolve("model.json");
        Path real = demoTable(dir);
        assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--synthesizer", "gaussian-copula",
                "--n", "250", "--seed", "3", "--out", out.toString(), "--json", meta.toString(), "--model", model.toString())).isZero();
        var table = CsvTables.read(out, Schema.infer(real, Schema.breastCancer()).schema()).table();
        assertThat(table.rowCount()).isEqualTo(250);
        JsonNode m = new ObjectMapper().readTree(meta.toFile());
        assertThat(m.get("synthesizer").asText()).isEqualTo("gaussian-copula");
        assertThat(m.get("fit_seconds").asDouble()).isPositive();
        assertThat(m.get("sample_seconds").asDouble()).isPositive();
        assertThat(m.get("privacy").get("epsilon").asText()).isEqualTo("Infinity");
        assertThat(m.get("privacy").get("mechanism").asText()).isEqualTo("none");
        assertThat(m.get("marginals").toString()).contains("lymph_nodes_affected:VALUE=empirical");
        // The saved model reproduces the same table without the real data.
        assertThat(GaussianCopulaModel.fromJson(Files.readString(model)).sample(250, 3)).isEqualTo(table);
    }

    @Test
    void aSavedModelIsSampledElsewhereWithoutTheDataAndStatesWhatMadeIt(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("syn.csv");
        Path model = dir.resolve("model.json");
        assertThat(PathoSynthCli.run("synthesize", "--real", demoTable(dir).toString(), "--synthesizer", "mst", "--epsilon", "1",
                "--accept-data-domains", "--n", "120", "--seed", "3", "--out", out.toString(), "--model", model.toString())).isZero();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path again = elsewhere.resolve("sampled.csv");
        Path meta = elsewhere.resolve("meta.json");
        assertThat(PathoSynthCli.run("sample", "--model", model.toString(), "--n", "120", "--seed", "3", "--out", again.toString(),
                "--json", meta.toString())).isZero();
        assertThat(Files.readString(again)).isEqualTo(Files.readString(out)); // same model, same seed: same rows
        var provenance = org.pathosynth.core.provenance.ProvenanceJson.readSideFile(again);
        assertThat(provenance.kind()).isEqualTo("synthetic-table");
        assertThat(provenance.privacy().epsilon()).isEqualTo(1.0);
        var fitted = provenance.sources().get("model");
        assertThat(fitted.producer()).isEqualTo("mst");
        assertThat(fitted.parameters()).containsEntry("epsilon", 1.0).containsKey("attributes");
        // a differentially private model names no training data: a hash of the table is not covered by the noise
        assertThat(fitted.input()).isNull();
        assertThat(Files.readString(model)).doesNotContain("sha256").doesNotContain("row_count");
        assertThat(provenance.input().rows()).isEqualTo(120); // the synthetic table's own fingerprint stays
        assertThat(fitted.libraryVersion()).isEqualTo(org.pathosynth.core.provenance.LibraryVersion.current());
        JsonNode m = new ObjectMapper().readTree(meta.toFile());
        assertThat(m.get("synthesizer").asText()).isEqualTo("mst");
        assertThat(m.get("privacy").get("rho").asDouble()).isPositive();
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("synthesize", "--real", demoTable(Files.createDirectories(dir.resolve("b"))).toString(),
                    "--synthesizer", "independent", "--n", "5", "--out", dir.resolve("i.csv").toString(), "--model",
                    dir.resolve("i.json").toString())).isEqualTo(1);
            assertThat(err.text()).contains("--model: the independent synthesizer's model cannot be saved: it stores real values");
            assertThat(PathoSynthCli.run("sample", "--model", out.toString(), "--n", "5", "--out", dir.resolve("x.csv").toString())).isEqualTo(1);
            assertThat(err.text()).contains("not a model file");
        }
    }

    @Test
    void smallTablesAreRefusedAndCopiesOfPatientsCounted(@TempDir Path dir) throws Exception {
        Path real = demoTable(dir);
        List<String> lines = Files.readAllLines(real);
        Path one = dir.resolve("one.csv");
        Files.write(one, lines.subList(0, 2));
        Path small = dir.resolve("small.csv");
        Files.write(small, lines.subList(0, 26));
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("synthesize", "--real", one.toString(), "--synthesizer", "independent", "--n", "50", "--out",
                    dir.resolve("o.csv").toString())).isEqualTo(1);
            assertThat(err.text()).contains(one + " has 1 data rows; synthesizing needs at least 20 (on fewer, samples copy patients)");
        }
        assertThat(dir.resolve("o.csv")).doesNotExist();
        Path json = dir.resolve("s.json");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("synthesize", "--real", small.toString(), "--synthesizer", "independent", "--n", "200", "--out",
                    dir.resolve("s.csv").toString(), "--json", json.toString())).isZero();
            JsonNode meta = new ObjectMapper().readTree(json.toFile());
            long copies = meta.path("identical_to_real").asLong();
            double twins = meta.path("real_rows_with_twin_share").asDouble();
            assertThat(err.text()).contains("synthesize: " + copies + " of 200 sampled rows")
                    .contains(String.format(java.util.Locale.ROOT, "in the table itself %.1f %% of rows have an identical twin", 100 * twins));
            assertThat(err.text()).contains(copies > Math.max(10, twins * 200) ? "samples copy patients" : "no more copies than common profiles explain");
        }
        try (CapturedStderr err = new CapturedStderr()) { // a differentially private synthesizer is not told to be one
            assertThat(PathoSynthCli.run("synthesize", "--real", small.toString(), "--synthesizer", "mst", "--accept-data-domains", "--n",
                    "200", "--out", dir.resolve("m.csv").toString(), "--json", json.toString())).isZero();
            JsonNode meta = new ObjectMapper().readTree(json.toFile());
            // exact counts from the real rows stay on the console: the guarantee does not cover them
            assertThat(meta.has("identical_to_real") || meta.has("real_rows") || meta.has("real_rows_with_twin_share")).isFalse();
            assertThat(meta.path("real_row_figures").asText()).startsWith("left out");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("synthesize: (\\d+) of 200 sampled rows").matcher(err.text());
            assertThat(m.find()).isTrue();
            long copies = Long.parseLong(m.group(1));
            assertThat(err.text()).doesNotContain("use more rows or a differentially private synthesizer");
            if (copies > 10) {
                assertThat(err.text()).contains("the differential-privacy guarantee, not this count, bounds what any one patient changes");
            }
        }
        // the count is exact: a table sampled from itself is all copies
        var table = org.pathosynth.core.io.CsvTables.read(small, org.pathosynth.core.schema.Schema.breastCancer()).table();
        assertThat(SynthesizeCommand.identicalToReal(table, table)).isEqualTo(25);
        var doubled = org.pathosynth.core.data.Table.builder(table.schema());
        table.records().forEach(doubled::add);
        table.records().forEach(doubled::add);
        assertThat(SynthesizeCommand.twinShare(doubled.build())).isEqualTo(1.0);
        assertThat(table.records().get(0)).isNotEqualTo(table.records().get(1));
        var three = org.pathosynth.core.data.Table.builder(table.schema());
        three.add(table.records().get(0));
        three.add(table.records().get(1));
        three.add(table.records().get(0));
        assertThat(SynthesizeCommand.twinShare(three.build())).as("two of three rows are twins").isEqualTo(2.0 / 3);
    }

    @Test
    void aShareableModelIsSavedOnRequestAndSampledElsewhere(@TempDir Path dir) throws Exception {
        Path real = demoTable(dir);
        Path model = dir.resolve("model.json");
        assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--n", "50", "--out", dir.resolve("s.csv").toString(),
                "--model", model.toString(), "--shareable", "5")).isZero();
        String json = Files.readString(model);
        assertThat(json).contains("\"shareable_k\" : 5", "values shared by at least 5 patients");
        assertThat(PathoSynthCli.run("sample", "--model", model.toString(), "--n", "100", "--out", dir.resolve("t.csv").toString())).isZero();
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--n", "50", "--out", dir.resolve("u.csv").toString(),
                    "--shareable", "5")).isEqualTo(1);
            assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--synthesizer", "independent", "--n", "50", "--out",
                    dir.resolve("u.csv").toString(), "--model", dir.resolve("m2.json").toString(), "--shareable", "5")).isEqualTo(1);
            assertThat(err.text()).contains("--shareable applies to the model file: give --model too")
                    .contains("--shareable applies to gaussian-copula models; independent has no shareable form");
        }
        assertThat(dir.resolve("m2.json")).doesNotExist();
    }

    @Test
    void badOptionsAreRefusedClearly(@TempDir Path dir) throws Exception {
        Path real = demoTable(dir);
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--n", "0", "--out", "x.csv")).isEqualTo(1);
            assertThat(err.text()).contains("--n must be positive, got 0");
            assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--synthesizer", "gan", "--n", "5",
                    "--out", dir.resolve("x.csv").toString())).isEqualTo(1);
            assertThat(err.text()).contains("--synthesizer must be aim, ctgan, gaussian-copula, independent, mst, patectgan or pategan, got 'gan'");
            assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--synthesizer", "patectgan", "--epochs", "3",
                    "--n", "5", "--out", dir.resolve("x.csv").toString())).isEqualTo(1);
            assertThat(err.text()).contains("--epochs does not apply to patectgan");
            assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--synthesizer", "mst", "--epochs", "3",
                    "--n", "5", "--out", dir.resolve("x.csv").toString())).isEqualTo(1);
            assertThat(err.text()).contains("--epochs does not apply to mst: epochs applies to ctgan and pategan only");
            assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--synthesizer", "pategan", "--delta", "2",
                    "--n", "5", "--out", dir.resolve("x.csv").toString())).isEqualTo(1);
            assertThat(err.text()).contains("delta must be in (0, 1), got 2.0");
            assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--synthesizer", "mst", "--epsilon", "0",
                    "--n", "5", "--out", dir.resolve("x.csv").toString())).isEqualTo(1);
            assertThat(err.text()).contains("epsilon must be a positive finite number, got 0.0");
            assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--marginals", "kde", "--n", "5",
                    "--out", dir.resolve("x.csv").toString())).isEqualTo(1);
            assertThat(err.text()).contains("--marginals must be empirical, beta or normal");
            // an impossible sample is refused with the limit, before fitting, not with an OutOfMemoryError's stack trace
            assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--n", "2000000000", "--out",
                    dir.resolve("x.csv").toString())).isEqualTo(1);
            assertThat(err.text()).containsPattern("--n 2000000000: that many rows do not fit in this JVM's heap \\(\\d+\\.\\d GB, set by "
                    + "-Xmx\\); about \\d+ fit").doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
        }
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void mstStatesItsGuaranteeAndModelsOnlyThePresentColumns(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("syn.csv");
        Path meta = dir.resolve("meta.json");
        Path model = dir.resolve("mst.json");
        assertThat(PathoSynthCli.run("synthesize", "--real", demoTable(dir).toString(), "--schema", "breast-cancer", "--synthesizer", "mst",
                "--epsilon", "1", "--delta", "1e-9", "--n", "300", "--out", out.toString(), "--json", meta.toString(),
                "--model", model.toString(), "--option", "budget_split=0.4, 0.2,0.4")).isZero(); // a list option as text
        JsonNode m = new ObjectMapper().readTree(meta.toFile());
        assertThat(new ObjectMapper().readTree(model.toFile()).findValue("budget_split").toString()).isEqualTo("[0.4,0.2,0.4]");
        assertThat(m.get("privacy").get("epsilon").asText()).isEqualTo("1.0");
        assertThat(m.get("privacy").get("delta").asDouble()).isEqualTo(1e-9);
        assertThat(m.get("privacy").get("rho").asDouble()).isBetween(0.01497, 0.01498);
        assertThat(m.get("privacy").get("mechanism").asText()).contains("MST");
        // TCGA has 13 schema columns in its header (tumour size etc. present but empty): a spanning tree over them.
        assertThat(m.get("tree").size()).isEqualTo(12);
        assertThat(CsvTables.read(out, Schema.breastCancer()).table().rowCount()).isEqualTo(300);
        assertThat(Files.readString(model)).contains("\"synthesizer\" : \"mst\"");
    }

    @Test
    void ganSynthesizersTrainForTheAskedEpochsAndSaveModelsThatSampleTheSameTable(@TempDir Path dir) throws Exception {
        Path real = demoTable(dir);
        Path out = dir.resolve("ctgan.csv");
        Path meta = dir.resolve("ctgan.json");
        Path model = dir.resolve("ctgan-model.json");
        assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--synthesizer", "ctgan", "--epochs", "2",
                "--n", "120", "--seed", "5", "--out", out.toString(), "--json", meta.toString(), "--model", model.toString())).isZero();
        JsonNode m = new ObjectMapper().readTree(meta.toFile());
        assertThat(m.get("epochs_trained").asInt()).isEqualTo(2);
        assertThat(m.get("privacy").get("epsilon").asText()).isEqualTo("Infinity");
        var table = CsvTables.read(out, Schema.infer(real, Schema.breastCancer()).schema()).table();
        assertThat(table.schema().names()).contains("tumor_size_category");
        assertThat(GanModel.fromJson(Files.readString(model)).sample(120, 5)).isEqualTo(table);

        Path pateMeta = dir.resolve("pategan.json");
        assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--synthesizer", "pategan", "--epochs", "1",
                "--epsilon", "0.5", "--delta", "1e-6", "--accept-data-domains", "--n", "50", "--out", dir.resolve("pategan.csv").toString(),
                "--json", pateMeta.toString())).isZero();
        JsonNode p = new ObjectMapper().readTree(pateMeta.toFile()).get("privacy");
        assertThat(p.get("epsilon").asDouble()).isBetween(0.4, 0.5); // spent: never more than asked, and no batch left unspent
        assertThat(p.get("delta").asDouble()).isEqualTo(1e-6);
        assertThat(p.get("mechanism").asText()).contains("PATE");
        assertThat(p.get("note").asText()).endsWith("It does not cover the domain of tumor_size_category (categories and bounds read "
                + "from the private data, accepted by the user).");
    }
}
