package org.pathosynth.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.io.AtomicFiles;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.PrivacyGuarantee;

/** Provenance round-trips through its one JSON form; fingerprints change with content and never hold it. */
class ProvenanceTest {
    private static final Schema SCHEMA = Schema.breastCancer();

    private static Table table(String grade) {
        return Table.of(SCHEMA, List.of(ClinicalRecord.of(SCHEMA, Map.of("sbr_grade", grade, "tumor_size_mm", 182.0)),
                ClinicalRecord.of(SCHEMA, Map.of("sbr_grade", "1"))));
    }

    @Test
    void fingerprintsFollowContentOnly() {
        DataFingerprint a = DataFingerprint.of(table("2"));
        assertThat(a).isEqualTo(DataFingerprint.of(table("2")));
        assertThat(a.rows()).isEqualTo(2);
        assertThat(a.sha256()).hasSize(64).isNotEqualTo(DataFingerprint.of(table("3")).sha256());
    }

    @Test
    void provenanceRoundTripsThroughJsonWithoutAnyRow(@TempDir Path dir) throws Exception {
        ArtifactProvenance model = ArtifactProvenance.of("model", "mst", Map.of("epsilon", 1.0, "attributes", List.of("sbr_grade")))
                .withInput(DataFingerprint.of(table("2")))
                .withPrivacy(new PrivacyGuarantee(1.0, 1e-9, "zCDP Gaussian (MST)", "covers the rows"));
        ArtifactProvenance sample = ArtifactProvenance.of("synthetic-table", "mst", Map.of("rows", 10, "seed", 7L))
                .withPrivacy(model.privacy()).withSource("model", model);
        Path out = dir.resolve("s.csv");
        ProvenanceJson.writeSideFile(out, sample);
        assertThat(ProvenanceJson.sideFile(out).getFileName().toString()).isEqualTo("s.csv.provenance.json");
        ArtifactProvenance back = ProvenanceJson.readSideFile(out);
        assertThat(back.kind()).isEqualTo("synthetic-table");
        assertThat(back.sources().get("model").parameters()).containsEntry("epsilon", 1.0).containsEntry("attributes", List.of("sbr_grade"));
        assertThat(back.sources().get("model").input()).isEqualTo(model.input());
        assertThat(back.privacy()).isEqualTo(model.privacy());
        assertThat(back.libraryVersion()).isEqualTo(LibraryVersion.current());
        String text = Files.readString(ProvenanceJson.sideFile(out));
        assertThat(text).doesNotContain("182"); // a fingerprint, never a value
        assertThat(ProvenanceJson.readSideFile(dir.resolve("none.csv"))).isNull();
    }

    @Test
    void theLibraryVersionComesFromTheBuild() {
        assertThat(LibraryVersion.current()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void noGuaranteeIsWrittenAsInfinity() {
        var json = ProvenanceJson.privacy(PrivacyGuarantee.none("copies rows"));
        assertThat(json.get("epsilon").asText()).isEqualTo("Infinity");
        assertThat(ProvenanceJson.privacyFromJson(json).isDifferentiallyPrivate()).isFalse();
    }

    @Test
    void atomicWritesLeaveTheOldFileWhenTheWriterFails(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("out.csv");
        AtomicFiles.writeString(f, "old");
        try {
            AtomicFiles.write(f, tmp -> {
                Files.writeString(tmp, "half");
                throw new java.io.IOException("No space left on device");
            });
        } catch (java.io.UncheckedIOException e) {
            assertThat(e.getMessage()).contains("No space left on device");
        }
        assertThat(Files.readString(f)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.csv"); // no temporary file left
        }
    }
}
