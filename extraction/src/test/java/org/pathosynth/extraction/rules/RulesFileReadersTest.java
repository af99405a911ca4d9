package org.pathosynth.extraction.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.AttributeKind;
import org.pathosynth.core.schema.Schema;

/** Which reader reads which attribute is data: the rules file says it, the Java code names no attribute. */
class RulesFileReadersTest {
    private static final String TEXT = "Carcinome infiltrant de type non spécifique, grade SBR 2. Absence d'emboles vasculaires. "
            + "Présence d'engainements périnerveux.";

    private static Schema withPerineuralInvasion() {
        Schema base = Schema.breastCancer();
        List<Attribute> attributes = new ArrayList<>(base.attributes());
        attributes.add(new Attribute("perineural_invasion", AttributeKind.BOOLEAN, null, null, null, null, null,
                Map.of("fr", "Engainements périnerveux", "en", "Perineural invasion"), "", null));
        return new Schema("breast-cancer-perineural", "", attributes, base.constraints());
    }

    /** The shipped rules file with one more entry: a yes/no finding read by the existing finding family. */
    private static byte[] rulesWithPerineuralInvasion() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root;
        try (InputStream in = RulesFileReadersTest.class.getResourceAsStream("/org/pathosynth/extraction/rules/rules.json")) {
            root = (ObjectNode) json.readTree(in);
        }
        root.put("perineuralInvasion", "\\bengainements?\\s+p[ée]ri-?nerveux\\b|\\bperineural\\s+invasion\\b");
        ((ArrayNode) root.get("readers")).addObject().put("attribute", "perineural_invasion").put("family", "finding")
                .put("rules", "polarity").put("cue", "perineuralInvasion");
        return json.writeValueAsBytes(root);
    }

    @Test
    void anAttributeThatAnExistingFamilyReadsNeedsOnlyARulesFileEntry() throws IOException {
        Schema schema = withPerineuralInvasion();
        RuleBasedExtractor x = RuleBasedExtractor.builder().schema(schema)
                .rules(new ByteArrayInputStream(rulesWithPerineuralInvasion())).build();
        ClinicalRecord read = x.extract(Report.of("p", TEXT, "fr")).values();
        assertThat(read.get("perineural_invasion")).isEqualTo(true);
        assertThat(read.get("lymphovascular_invasion")).isEqualTo(false);
        assertThat(read.get("sbr_grade")).isEqualTo("2");
        String negated = "Carcinome lobulaire infiltrant. Pas d'engainement périnerveux.";
        assertThat(x.extract(Report.of("n", negated, "fr")).values().get("perineural_invasion")).isEqualTo(false);
        var evidence = x.extract(Report.of("p", TEXT, "fr")).evidence().get("perineural_invasion");
        assertThat(TEXT.substring(evidence.start(), evidence.end())).isEqualTo("Présence d'engainements périnerveux");

        // the shipped rules have no entry for it: the attribute stays empty, the others are read as before
        ClinicalRecord shipped = RuleBasedExtractor.builder().schema(schema).build().extract(Report.of("p", TEXT, "fr")).values();
        assertThat(shipped.get("perineural_invasion")).isNull();
        assertThat(shipped.get("lymphovascular_invasion")).isEqualTo(false);
    }

    @Test
    void aSchemaWithoutAnAttributeGetsNoReaderForIt() {
        Schema schema = Schema.breastCancer();
        Schema gradeOnly = new Schema("grade", "", List.of(schema.attribute("sbr_grade")), List.of());
        ClinicalRecord read = RuleBasedExtractor.builder().schema(gradeOnly).build().extract(Report.of("g", TEXT, "fr")).values();
        assertThat(read.asMap()).containsExactly(Map.entry("sbr_grade", "2"));
    }

    @Test
    void theExtractorsJavaCodeNamesNoAttribute() throws IOException {
        Path sources = Path.of("src/main/java/org/pathosynth/extraction/rules");
        assertThat(sources).isDirectory();
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(f);
                for (String name : Schema.breastCancer().names()) {
                    if (code.contains("\"" + name + "\"")) {
                        offending.add(f.getFileName() + ": " + name);
                    }
                }
            }
        }
        assertThat(offending).isEmpty();
    }
}
