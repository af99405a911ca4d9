package org.pathosynth.synth.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.Evidence;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.AttributeKind;
import org.pathosynth.core.schema.Schema;

/**
 * The writer speaks any schema and never contradicts its record: with the breast-cancer schema extended by
 * {@code laterality}, a left record never gets a right side anywhere (and a record without laterality no side at all);
 * the new attribute, and every attribute of a schema for another organ, is written from the schema's labels, value
 * labels and synonyms, in every style, with its value inside its span.
 */
class AnySchemaTest {
    static final String LATERALITY = """
            {"name": "laterality", "kind": "categorical", "values": ["left", "right"],
             "labels": {"fr": "Latéralité", "en": "Laterality"},
             "valueLabels": {"left": {"fr": "gauche", "en": "left"}, "right": {"fr": "droit", "en": "right"}},
             "synonyms": {"*": {"fr": ["Côté"], "en": ["Side"]},
                          "left": {"fr": ["gauche", "sein gauche", "G"], "en": ["left", "left breast", "L breast"]},
                          "right": {"fr": ["droit", "sein droit", "D"], "en": ["right", "right breast", "R breast"]}}}
            """;

    static final Schema COLON = Schema.fromJson("""
            {"name": "colon", "attributes": [
              {"name": "site", "kind": "categorical", "values": ["caecum", "sigmoid", "rectum"],
               "labels": {"fr": "Localisation", "en": "Tumour site"},
               "valueLabels": {"caecum": {"fr": "caecum", "en": "caecum"}, "sigmoid": {"fr": "côlon sigmoïde", "en": "sigmoid colon"},
                               "rectum": {"fr": "rectum", "en": "rectum"}},
               "synonyms": {"*": {"fr": ["Siège de la tumeur"], "en": ["Site"]}, "sigmoid": {"fr": ["sigmoïde"], "en": ["sigmoid"]}}},
              {"name": "differentiation", "kind": "ordinal", "values": ["well", "moderate", "poor"],
               "labels": {"fr": "Différenciation", "en": "Differentiation"},
               "valueLabels": {"well": {"fr": "bien différencié", "en": "well differentiated"},
                               "moderate": {"fr": "moyennement différencié", "en": "moderately differentiated"},
                               "poor": {"fr": "peu différencié", "en": "poorly differentiated"}}},
              {"name": "perineural_invasion", "kind": "boolean", "labels": {"fr": "Engainements périnerveux", "en": "Perineural invasion"},
               "synonyms": {"yes": {"fr": ["présents"], "en": ["identified"]}, "no": {"fr": ["non vus"], "en": ["not seen"]}}},
              {"name": "nodes_examined", "kind": "integer", "min": 0, "max": 80,
               "labels": {"fr": "Ganglions examinés", "en": "Lymph nodes examined"}},
              {"name": "invasion_depth_mm", "kind": "numeric", "min": 0, "max": 60, "precision": 1, "unit": "mm",
               "labels": {"fr": "Profondeur d'invasion", "en": "Depth of invasion"}},
              {"name": "tumour_cells_percent", "kind": "numeric", "min": 0, "max": 100, "precision": 0, "unit": "%",
               "labels": {"fr": "Cellularité tumorale", "en": "Tumour cellularity"}}]}
            """);

    static Schema breastWithLaterality() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(Schema.breastCancer().toJson());
        root.put("name", "breast-cancer-laterality");
        ((ArrayNode) root.get("attributes")).add(json.readTree(LATERALITY));
        return Schema.fromJson(json.writeValueAsString(root));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void aLeftRecordNeverGetsARightSide(String language) throws Exception {
        Schema schema = breastWithLaterality();
        List<ClinicalRecord> records = ClassicWordingTest.records(schema, 500, 5);
        Pattern right = Pattern.compile("(?iu)\\bdroite?s?\\b|\\bright\\b|(?-i:(?<![\\p{L}\\p{N}-])D(?![\\p{L}\\p{N}'’-])|\\bR breast)");
        Pattern left = Pattern.compile("(?iu)\\bgauches?\\b|\\bleft\\b|(?-i:(?<![\\p{L}\\p{N}-])G(?![\\p{L}\\p{N}'’-])|\\bL breast)");
        int lefts = 0;
        int sides = 0;
        // every distractor but the other breast's history, which names the other side on purpose (tested below)
        for (TemplateReportWriter w : writers(schema, language, java.util.EnumSet.complementOf(java.util.EnumSet.of(Distractor.OTHER_FINDINGS)))) {
            for (int i = 0; i < records.size(); i++) {
                ClinicalRecord r = records.get(i);
                Report report = w.generate(new GenerationRequest("r" + i, r, 31L * i));
                String text = report.text();
                String side = r.format("laterality");
                // in capitals, "G" is also grams ("56 G"): single letters are looked for in mixed case only
                String checked = text.equals(text.toUpperCase(java.util.Locale.ROOT)) ? text.toLowerCase(java.util.Locale.ROOT) : text;
                if (!side.equals("right")) {
                    assertThat(right.matcher(checked).find()).as("a right side in a %s report:\n%s", side, text).isFalse();
                }
                if (!side.equals("left")) {
                    assertThat(left.matcher(checked).find()).as("a left side in a %s report:\n%s", side, text).isFalse();
                }
                if (!side.isEmpty()) {
                    String quote = ReportSpansTest.normal(report.span("laterality").quote(text));
                    List<String> forms = forms(schema.attribute("laterality"), side, language);
                    assertThat(forms).as("laterality in '%s'", quote).anyMatch(f -> appears(f, quote));
                    sides++;
                    lefts += side.equals("left") ? 1 : 0;
                }
                ReportSpansTest.check(report, r, language);
            }
        }
        assertThat(lefts).isGreaterThan(325);
        assertThat(sides - lefts).isGreaterThan(325);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void receptorPercentagesFollowAPercentageAttribute(String language) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(Schema.breastCancer().toJson());
        root.put("name", "breast-cancer-er-percent");
        ((ArrayNode) root.get("attributes")).add(json.readTree("{\"name\": \"er_percent\", \"kind\": \"numeric\", \"min\": 0, \"max\": 100,"
                + " \"precision\": 0, \"unit\": \"%\", \"labels\": {\"fr\": \"Pourcentage de cellules RE+\", \"en\": \"ER percentage\"}}"));
        Schema schema = Schema.fromJson(json.writeValueAsString(root));
        Pattern percent = Pattern.compile("(\\d+(?:[.,]\\d+)?) ?%");
        int checked = 0;
        for (TemplateReportWriter w : writers(schema, language)) {
            List<ClinicalRecord> records = ClassicWordingTest.records(schema, 800, 12);
            for (int i = 0; i < records.size(); i++) {
                Report report = w.generate(new GenerationRequest("r" + i, records.get(i), 3L * i));
                Evidence er = report.span("er_status");
                if (er == null) {
                    continue;
                }
                String quote = er.quote(report.text());
                var m = percent.matcher(quote.replace("< 1", "").replace("<1", ""));
                Double value = records.get(i).getDouble("er_percent");
                while (m.find()) {
                    assertThat(value).as("a percentage in '%s' with er_percent missing", quote).isNotNull();
                    assertThat(Double.parseDouble(m.group(1).replace(',', '.'))).as(quote).isEqualTo(value);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(300);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void anotherOrgansSchemaIsWrittenFromItsLabels(String language) {
        List<ClinicalRecord> records = ClassicWordingTest.records(COLON, 800, 3);
        Pattern breast = Pattern.compile("(?iu)\\bsein\\b|breast|mammaire|tumorectomie|mastectom|lumpectomy|\\bHER2\\b|r[ée]cepteur|receptor");
        int stated = 0;
        for (TemplateReportWriter w : writers(COLON, language)) {
            for (int i = 0; i < records.size(); i++) {
                ClinicalRecord r = records.get(i);
                Report report = w.generate(new GenerationRequest("r" + i, r, 17L * i + 1));
                assertThat(breast.matcher(report.text()).find()).as("breast wording for a colon:\n%s", report.text()).isFalse();
                for (Attribute a : COLON.attributes()) {
                    if (r.get(a.name()) == null) {
                        assertThat(report.spans()).doesNotContainKey(a.name());
                        continue;
                    }
                    Evidence span = report.span(a.name());
                    assertThat(span).as("span of %s in\n%s", a.name(), report.text()).isNotNull();
                    String quote = ReportSpansTest.normal(span.quote(report.text()));
                    assertThat(statesGeneric(a, r, quote, language)).as("%s=%s in '%s'\n%s", a.name(), r.format(a.name()), quote, report.text())
                            .isTrue();
                    stated++;
                }
                ReportSpansTest.assertNoOverlap(report);
            }
        }
        assertThat(stated).isGreaterThan(5000);
    }

    private static List<TemplateReportWriter> writers(Schema schema, String language) {
        return writers(schema, language, java.util.EnumSet.allOf(Distractor.class));
    }

    private static List<TemplateReportWriter> writers(Schema schema, String language, java.util.Set<Distractor> kinds) {
        return List.of(TemplateReportWriter.builder().schema(schema).language(language).spans(true).build(),
                TemplateReportWriter.builder().schema(schema).language(language).noise(1.0).vocabulary(Vocabulary.EXTENDED).spans(true).build(),
                TemplateReportWriter.builder().schema(schema).language(language).noise(0.5).vocabulary(Vocabulary.EXTENDED).spans(true)
                        .distractors(0.5, kinds).onePage(0.3).build());
    }

    /** A form appears in a span: as a word when it is a single letter ("G"), else anywhere ("droit" in "droite"). */
    static boolean appears(String form, String quote) {
        return form.length() > 1 ? quote.contains(form)
                : Pattern.compile("(?<![\\w-])" + Pattern.quote(form) + "(?![\\w-])").matcher(quote).find();
    }

    static List<String> forms(Attribute a, String value, String language) {
        List<String> forms = new java.util.ArrayList<>(a.synonyms(value, language));
        forms.add(a.valueLabel(value, language));
        // the writer's own words for the value a flavour slot states (the side: "gauche", "G", "Lt")
        TemplateSet.Flavour side = TemplateSet.load(language).flavour("side");
        if (a.name().equals(side.attribute()) && side.values().containsKey(value)) {
            forms.addAll(side.values().get(value));
        }
        return forms.stream().map(ReportSpansTest::normal).toList();
    }

    /** Whether a span of an attribute written from the schema states its value. */
    static boolean statesGeneric(Attribute a, ClinicalRecord r, String quote, String language) {
        String value = r.format(a.name());
        if (a.kind() == AttributeKind.INTEGER || a.kind() == AttributeKind.NUMERIC) {
            String n = new java.math.BigDecimal(value).stripTrailingZeros().toPlainString();
            String cm = new java.math.BigDecimal(value).movePointLeft(1).stripTrailingZeros().toPlainString();
            String q = quote.replace(',', '.');
            return Pattern.compile("(?<![0-9.])" + Pattern.quote(n) + "(?![0-9])").matcher(q).find()
                    || "mm".equals(a.unit()) && q.contains(cm + " cm");
        }
        if (a.kind() == AttributeKind.BOOLEAN) {
            boolean yes = value.equals("yes");
            String cues = yes ? "presence|oui|present|yes|identified" : "absence|pas d|non|absent|\\bno\\b|not identified|not seen";
            return Pattern.compile(cues).matcher(quote).find() || forms(a, value, language).stream().anyMatch(f -> appears(f, quote));
        }
        return forms(a, value, language).stream().anyMatch(f -> appears(f, quote));
    }

}
