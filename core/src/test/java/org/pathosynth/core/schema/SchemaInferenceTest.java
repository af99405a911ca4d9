package org.pathosynth.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaInferenceTest {
    private static final List<String> HEADER = List.of("source_id", "sbr_grade", "tumor_size_category", "age", "bmi", "smoker",
            "centre", "comment", "diagnosed", "empty");

    /** 40 rows: an identifier, a schema column, a size class, an integer, a decimal, yes/no, a label, free text, a date, blanks. */
    private static List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        String[] classes = {"<=20", "20-50", ">50"};
        for (int i = 0; i < 40; i++) {
            rows.add(List.of("pt-" + (1000 + i), String.valueOf(1 + i % 3), classes[i % 3], String.valueOf(35 + i % 30),
                    i % 7 == 0 ? "" : String.format(java.util.Locale.ROOT, "%.1f", 18.5 + i * 0.3), i % 2 == 0 ? "yes" : "no",
                    i % 4 == 0 ? "Nancy" : "Metz", "note number " + i + " written by hand about this patient",
                    "2019-03-" + String.format("%02d", 1 + i % 28), ""));
        }
        return rows;
    }

    @Test
    void everyColumnOutsideThePresetIsTypedOrLeftOutWithItsReason() {
        SchemaInference.Result result = SchemaInference.infer(HEADER, rows(), Schema.breastCancer(), "breast-cancer");
        Schema s = result.schema();
        assertThat(result.inferred()).containsExactly("tumor_size_category", "age", "bmi", "smoker", "centre", "diagnosed");
        assertThat(s.names().subList(0, 13)).isEqualTo(Schema.breastCancer().names());
        assertThat(s.attribute("tumor_size_category").kind()).isEqualTo(AttributeKind.ORDINAL);
        assertThat(s.attribute("tumor_size_category").values()).containsExactly("<=20", "20-50", ">50");
        assertThat(s.attribute("age").kind()).isEqualTo(AttributeKind.INTEGER);
        assertThat(s.attribute("age").min()).isEqualTo(35.0);
        assertThat(s.attribute("age").max()).isEqualTo(64.0);
        assertThat(s.attribute("bmi").kind()).isEqualTo(AttributeKind.NUMERIC);
        assertThat(s.attribute("bmi").precision()).isEqualTo(1);
        assertThat(s.attribute("smoker").kind()).isEqualTo(AttributeKind.BOOLEAN);
        assertThat(s.attribute("centre").values()).containsExactly("Metz", "Nancy");
        assertThat(s.attribute("diagnosed").isDate()).isTrue();
        assertThat(s.attribute("diagnosed").kind()).isEqualTo(AttributeKind.INTEGER);
        assertThat(s.attribute("diagnosed").calendar().pattern()).isEqualTo("yyyy-MM-dd");
        assertThat(s.attribute("diagnosed").min()).isEqualTo((double) java.time.LocalDate.of(2019, 3, 1).toEpochDay());
        assertThat(s.attribute("diagnosed").max()).isEqualTo((double) java.time.LocalDate.of(2019, 3, 28).toEpochDay());
        assertThat(s.reportable().has("diagnosed")).as("a date is never stated in a report").isFalse();
        assertThat(s.dataDerived()).containsExactly("tumor_size_category", "age", "bmi", "smoker", "centre", "diagnosed");
        assertThat(s.attribute("sbr_grade").domainFromData()).isFalse();
        assertThat(result.leftOut()).extracting(SchemaInference.LeftOut::column)
                .containsExactly("source_id", "comment", "empty");
        assertThat(result.leftOut().get(0).reason()).contains("identifier");
        assertThat(result.leftOut().get(1).reason()).contains("every row");
        assertThat(result.leftOut().get(2).reason()).contains("blank");
        assertThat(result.notices()).contains("kept 'tumor_size_category', typed from the data as ordinal (3 values)",
                "kept 'diagnosed', typed from the data as date (written yyyy-MM-dd)", "left out 'empty': blank in every row");
    }

    @Test
    void theInferredSchemaIsWrittenAndReadBackWithItsDataDerivedDomains(@TempDir Path dir) throws Exception {
        Schema s = SchemaInference.infer(HEADER, rows(), null, "mine").schema();
        assertThat(s.names()).containsExactly("sbr_grade", "tumor_size_category", "age", "bmi", "smoker", "centre", "diagnosed");
        Path file = dir.resolve("schema.json");
        Files.writeString(file, s.toJson());
        assertThat(Files.readString(file)).contains("\"domainFromData\" : true")
                .contains("\"kind\" : \"date\"", "\"format\" : \"yyyy-MM-dd\"", "\"min\" : \"2019-03-01\"", "\"max\" : \"2019-03-28\"");
        Schema back = Schema.fromJson(file);
        assertThat(back).isEqualTo(s);
        assertThat(back.dataDerived()).hasSize(7);
        // an edited file without the flag makes the domain public
        Schema edited = Schema.fromJson(Files.readString(file).replaceFirst(",\\s*\"domainFromData\" : true", ""));
        assertThat(edited.dataDerived()).hasSize(6);
    }

    @Test
    void schemaInferReadsACsvFile(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("cohort.csv");
        StringBuilder text = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (List<String> row : rows()) {
            text.append(String.join(",", row)).append('\n');
        }
        Files.writeString(csv, text);
        Schema s = Schema.infer(csv);
        assertThat(s.name()).isEqualTo("cohort");
        assertThat(s.attribute("sbr_grade").kind()).isEqualTo(AttributeKind.INTEGER);
        assertThat(Schema.infer(csv, Schema.breastCancer()).schema().attribute("sbr_grade").kind()).isEqualTo(AttributeKind.ORDINAL);
    }

    @Test
    void datesAreKeptInTheTablesOwnFormDayFirstUnlessADaySaysOtherwise() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(List.of(String.format("%02d/%02d/2018", 1 + i % 12, 1 + i % 12), String.format("%02d/%02d/2020", 1 + i % 12, 13 + i % 15),
                    String.format("2021-06-%02d %02d:15", 1 + i % 28, i % 24), "2020-02-30", String.format("%02d.01.2017", 1 + i)));
        }
        SchemaInference.Result r = SchemaInference.infer(List.of("surgery", "seen", "received", "broken", "dotted"), rows, null, "x");
        Schema s = r.schema();
        assertThat(s.attribute("surgery").calendar().pattern()).as("ambiguous: day first").isEqualTo("dd/MM/yyyy");
        assertThat(s.attribute("seen").calendar().pattern()).as("a day above 12 in second place: month first").isEqualTo("MM/dd/yyyy");
        assertThat(s.attribute("received").calendar().pattern()).isEqualTo("yyyy-MM-dd HH:mm");
        assertThat(s.attribute("received").kind()).as("a date-time is seconds").isEqualTo(AttributeKind.NUMERIC);
        assertThat(s.attribute("received").precision()).isZero();
        assertThat(s.attribute("dotted").calendar().pattern()).isEqualTo("dd.MM.yyyy");
        assertThat(r.leftOut()).extracting(SchemaInference.LeftOut::column).containsExactly("broken");
        assertThat(r.leftOut().get(0).reason()).contains("not recognised");
        Attribute received = s.attribute("received");
        Object value = received.parse("2021-06-05 04:15");
        assertThat(received.format(value)).isEqualTo("2021-06-05 04:15");
        assertThatThrownBy(() -> s.attribute("surgery").parse("31/02/2018")).hasMessageContaining("a date written dd/MM/yyyy")
                .hasMessageNotContaining("2018-").hasMessageNotContaining("01/01");
    }

    @Test
    void sizeClassesAreOrderedByTheirNumbers() {
        assertThat(SchemaInference.classKey("<=20")).isLessThan(SchemaInference.classKey("20-50"));
        assertThat(SchemaInference.classKey("20-50")).isLessThan(SchemaInference.classKey(">50"));
        assertThat(SchemaInference.classKey("10 – 20 mm")).isEqualTo(15.0);
        assertThat(SchemaInference.classKey("large")).isNull();
    }

    @Test
    void publicBoundsReplaceTheDataOnes() {
        Schema s = SchemaInference.infer(HEADER, rows(), null, "mine").schema();
        Schema bounded = s.with(s.attribute("age").withPublicBounds(18, 110));
        assertThat(bounded.attribute("age").min()).isEqualTo(18.0);
        assertThat(bounded.dataDerived()).doesNotContain("age");
        assertThatThrownBy(() -> s.attribute("smoker").withPublicBounds(0, 1)).hasMessageContaining("only to numbers");
    }

    @Test
    void numericIdentifiersAndIdentifierWordsAreLeftOutFullPrecisionKeptAndHugeNumbersRefused() {
        List<List<String>> rows = new ArrayList<>();
        String[] bmi = {"23.4567891", "31.1234567", "27.9876549"};
        for (int i = 0; i < 30; i++) {
            rows.add(List.of(String.valueOf(100000 + 7 * i), "A" + (i % 20), bmi[i % 3], i == 0 ? "1e400" : "2.5",
                    String.valueOf(40 + i)));
        }
        SchemaInference.Result r = SchemaInference.infer(List.of("record", "PatientNo", "bmi", "huge", "age_at_diagnosis"), rows, null, "x");
        assertThat(r.leftOut()).extracting(SchemaInference.LeftOut::column).containsExactly("record", "PatientNo", "huge", "age_at_diagnosis");
        assertThat(r.leftOut().get(0).reason()).contains("a different whole number in every row");
        assertThat(r.leftOut().get(1).reason()).contains("its name");
        assertThat(r.leftOut().get(2).reason()).contains("beyond the range of a double");
        Attribute b = r.schema().attribute("bmi");
        assertThat(b.precision()).isEqualTo(7);
        for (String cell : bmi) {
            assertThat(b.parse(cell)).as("every cell reads back within the bounds").isEqualTo(Double.parseDouble(cell));
        }
        assertThat(SchemaInference.identifierName("SubjectId")).isTrue();
        assertThat(SchemaInference.identifierName("numero_dossier")).isTrue();
        assertThat(SchemaInference.identifierName("tumor_size_category")).isFalse();
        assertThat(SchemaInference.identifierName("ki67_percent")).isFalse();
    }

    @Test
    void messagesNeverSayTheDomainReadFromTheData() {
        Schema s = SchemaInference.infer(HEADER, rows(), null, "mine").schema();
        assertThatThrownBy(() -> s.attribute("age").parse("200")).hasMessageNotContaining("35").hasMessageNotContaining("64")
                .hasMessageContaining("within the range of the table the schema was inferred from");
        assertThatThrownBy(() -> s.attribute("centre").parse("Paris")).hasMessageNotContaining("Nancy").hasMessageNotContaining("Metz");
        assertThat(s.with(s.attribute("age").withPublicBounds(18, 110)).reportable().has("age"))
                .as("public bounds give the column no words for reports").isFalse();
        assertThatThrownBy(() -> s.attribute("age").withPublicBounds(0, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTableWithNothingToModelIsRefusedNamingItsColumns() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(List.of("id" + i, ""));
        }
        assertThatThrownBy(() -> SchemaInference.infer(List.of("patient_id", "notes"), rows, null, "x"))
                .hasMessageContaining("patient_id").hasMessageContaining("notes");
    }
}
