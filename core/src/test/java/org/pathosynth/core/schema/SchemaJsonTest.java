package org.pathosynth.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaJsonTest {

    private static String schema(String attributes) {
        return "{\"name\":\"t\",\"attributes\":[" + attributes + "]}";
    }

    @Test
    void breastCancerPresetHasThe13AttributesAndTheNodeConstraint() {
        Schema s = Schema.named("breast-cancer");
        assertThat(s.names()).containsExactly("test_used_for_diagnosis", "morphology_icdo", "sbr_grade", "tumor_size_mm",
                "clear_margins", "lymph_nodes_taken", "lymph_nodes_affected", "lymphovascular_invasion",
                "extracapsular_spread", "er_status", "pr_status", "her2_status", "ki67_percent");
        assertThat(s.attribute("sbr_grade").kind()).isEqualTo(AttributeKind.ORDINAL);
        assertThat(s.attribute("tumor_size_mm").unit()).isEqualTo("mm");
        assertThat(s.attribute("morphology_icdo").values()).contains("8500/3", "8520/3", "9120/3");
        assertThat(s.attribute("morphology_icdo").valueLabel("8520/3", "fr")).isEqualTo("carcinome lobulaire infiltrant");
        assertThat(s.attribute("clear_margins").label("en")).isEqualTo("Clear surgical margins");
        assertThat(s.constraints()).containsExactly(new LessOrEqualConstraint("lymph_nodes_affected", "lymph_nodes_taken"));
    }

    @Test
    void unknownPresetIsNamed() {
        assertThatThrownBy(() -> Schema.named("lung")).isInstanceOf(SchemaException.class)
                .hasMessageContaining("'lung'").hasMessageContaining("breast-cancer");
    }

    @Test
    void unknownKindNamesTheField() {
        assertThatThrownBy(() -> Schema.fromJson(schema("{\"name\":\"a\",\"kind\":\"text\"}")))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("attributes[0].kind: unknown kind 'text'")
                .hasMessageContaining("categorical, ordinal, boolean, integer, numeric, date, datetime");
    }

    @Test
    void datesAreWrittenInTheirOwnFormAndTheirMistakesNamed() {
        Schema s = Schema.fromJson(schema("{\"name\":\"surgery\",\"kind\":\"date\",\"format\":\"dd/MM/yyyy\",\"min\":\"01/01/2000\","
                + "\"max\":\"31/12/2020\"},{\"name\":\"received\",\"kind\":\"datetime\"}"));
        Attribute surgery = s.attribute("surgery");
        assertThat(surgery.kind()).isEqualTo(AttributeKind.INTEGER);
        assertThat(surgery.min()).isEqualTo((double) java.time.LocalDate.of(2000, 1, 1).toEpochDay());
        assertThat(surgery.format(surgery.parse("14/07/2015"))).isEqualTo("14/07/2015");
        assertThatThrownBy(() -> surgery.parse("14/07/2021")).hasMessageContaining("from 01/01/2000 to 31/12/2020");
        assertThat(s.attribute("received").calendar().pattern()).as("the default date-time form").isEqualTo("yyyy-MM-dd HH:mm:ss");
        assertThat(Schema.fromJson(s.toJson())).isEqualTo(s);
        assertThatThrownBy(() -> Schema.fromJson(schema("{\"name\":\"d\",\"kind\":\"date\",\"min\":\"2020-13-01\"}")))
                .hasMessageContaining("attributes[0].min: must be a date written yyyy-MM-dd");
        assertThatThrownBy(() -> Schema.fromJson(schema("{\"name\":\"d\",\"kind\":\"date\",\"format\":\"yyyy-MM-dd HH:mm\"}")))
                .hasMessageContaining("attributes[0].format: 'yyyy-MM-dd HH:mm' has a time of day: the kind is datetime");
        assertThatThrownBy(() -> Schema.fromJson(schema("{\"name\":\"d\",\"kind\":\"date\",\"format\":\"MM/yyyy\"}")))
                .hasMessageContaining("must have a year (yyyy), a month (MM) and a day (dd)");
        assertThatThrownBy(() -> Schema.fromJson(schema("{\"name\":\"d\",\"kind\":\"date\",\"unit\":\"days\"}")))
                .hasMessageContaining("attributes[0].unit: a date attribute has no unit");
        assertThatThrownBy(() -> Schema.fromJson(schema("{\"name\":\"d\",\"kind\":\"integer\",\"format\":\"yyyy\"}")))
                .hasMessageContaining("only date and datetime attributes have a format");
        assertThatThrownBy(() -> Schema.fromJson(schema("{\"name\":\"d\",\"kind\":\"date\",\"min\":\"2020-01-02\",\"max\":\"2020-01-01\"}")))
                .hasMessageContaining("min 2020-01-02 after max 2020-01-01");
    }

    @Test
    void duplicateNamesAreRejected() {
        assertThatThrownBy(() -> Schema.fromJson(schema(
                "{\"name\":\"a\",\"kind\":\"boolean\"},{\"name\":\"a\",\"kind\":\"integer\"}")))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("attributes[1].name: duplicate attribute name 'a'");
    }

    @Test
    void emptyCategoricalDomainIsRejected() {
        assertThatThrownBy(() -> Schema.fromJson(schema("{\"name\":\"site\",\"kind\":\"categorical\",\"values\":[]}")))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("attributes[0].values")
                .hasMessageContaining("'site'")
                .hasMessageContaining("empty domain");
    }

    @Test
    void emptyNumericRangeIsRejected() {
        assertThatThrownBy(() -> Schema.fromJson(schema("{\"name\":\"x\",\"kind\":\"numeric\",\"min\":5,\"max\":1}")))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("attributes[0]: empty domain, min 5.0 > max 1.0");
    }

    @Test
    void otherFieldErrorsAreNamed() {
        assertThatThrownBy(() -> Schema.fromJson(schema("{\"kind\":\"boolean\"}")))
                .hasMessageContaining("attributes[0].name: required field is missing");
        assertThatThrownBy(() -> Schema.fromJson(schema("{\"name\":\"a\",\"kind\":\"boolean\",\"colour\":1}")))
                .hasMessageContaining("attributes[0].colour: unknown field");
        assertThatThrownBy(() -> Schema.fromJson(schema("{\"name\":\"a\",\"kind\":\"integer\",\"precision\":-1}")))
                .hasMessageContaining("attributes[0].precision");
        assertThatThrownBy(() -> Schema.fromJson("{\"name\":\"t\",\"attributes\":[]}"))
                .hasMessageContaining("'attributes' must be a non-empty array");
        assertThatThrownBy(() -> Schema.fromJson("{\"name\":\"t\",\"attributes\":[{\"name\":\"a\""))
                .hasMessageContaining("malformed JSON at line 1");
        assertThatThrownBy(() -> Schema.fromJson(schema("{\"name\":\"a\",\"kind\":\"categorical\",\"values\":[\"x\"],"
                + "\"valueLabels\":{\"y\":{\"fr\":\"Y\"}}}")))
                .hasMessageContaining("attributes[0].valueLabels.y: not a value of attribute 'a'");
        assertThatThrownBy(() -> Schema.fromJson("{\"name\":\"t\",\"attributes\":[{\"name\":\"a\",\"kind\":\"integer\"}],"
                + "\"constraints\":[{\"type\":\"less_or_equal\",\"attributes\":[\"a\",\"b\"]}]}"))
                .hasMessageContaining("constraints[0].attributes[1]: unknown attribute 'b'");
    }

    @Test
    void jsonRoundTripKeepsTheSchema(@TempDir Path dir) throws Exception {
        Schema original = Schema.breastCancer();
        Path file = dir.resolve("schema.json");
        Files.writeString(file, original.toJson());
        assertThat(Schema.fromJson(file)).isEqualTo(original);
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, schema("{\"name\":\"a\",\"kind\":\"nope\"}"));
        assertThatThrownBy(() -> Schema.fromJson(file)).hasMessageStartingWith(file + ": attributes[0].kind");
    }
}
