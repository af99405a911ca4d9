package org.pathosynth.synth.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.Evidence;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;

/**
 * Over thousands of reports in both languages, every style and noise 0, 0.5 and 1, in both vocabularies (with
 * distractors and one-page reports too): every value the record states has a span, inside the text, not empty, that states the value (its
 * number, its words); two attributes' spans overlap only where one phrase states both (the node counts of "0N+/2N").
 */
class ReportSpansTest {
    private static final Schema SCHEMA = Schema.breastCancer();
    private static final Map<String, TemplateSet> TEMPLATES = new java.util.concurrent.ConcurrentHashMap<>();

    /** Words that state each coded value, in either language (matched on the span, lower case, without accents). */
    private static final Map<String, Pattern> STATES = Map.ofEntries(
            Map.entry("test_used_for_diagnosis=lumpectomy", words("tumorectomie|zonectomie|quadrantectom|pyramidectomie|segmentectom"
                    + "|mastectom(ie|y) partielle|partial mastectomy|harpon|oncoplastie|lumpectomy|wide local excision|wire-locali[sz]ed"
                    + "|exerese mammaire partielle|chirurgie conservatrice|plastie mammaire|recoupe|reprise|repere|re-excision|segmental|less than total mastectomy|\\bwle\\b")),
            Map.entry("test_used_for_diagnosis=biopsy", words("biops|\\bbx\\b|\\bcores?\\b|mammotome|vacora|encor|carottes")),
            Map.entry("test_used_for_diagnosis=mastectomy", words("mastectom|mammectomie|patey|mrm")),
            Map.entry("test_used_for_diagnosis=surgical_excision", words("exerese chirurgicale|biopsie chirurgicale|biopsie[- ]exerese"
                    + "|nodulectomie|visee diagnostique|surgical excision|excisional biopsy|surgical biopsy|excision biopsy")),
            Map.entry("test_used_for_diagnosis=lymph_node_dissection", words("curage|evidement|lymphadenectomie|axillary|ganglions? sentinelles?|sentinel lymph node|slnb")),
            Map.entry("clear_margins=yes", words("sain|libre|indemne|non atteint|in sano|complete|r0|clear|negative|free|uninvolved"
                    + "|plus proche|minimale|closest")),
            Map.entry("clear_margins=no", words("atteint|envahi|incomplete|non in sano|r1|involved|positive|encre|tumorales|ink|contact")),
            Map.entry("er_status=positive", words("positi|\\+|allred|h-score|\\b([1-9][0-9]|100) ?%")),
            Map.entry("er_status=negative", words("negati|\\b0 ?%|< ?1 ?%|-|seuil|absence")),
            Map.entry("pr_status=positive", words("positi|\\+|allred|\\b([1-9][0-9]|100) ?%")),
            Map.entry("pr_status=negative", words("negati|\\b0 ?%|< ?1 ?%|-|seuil")),
            Map.entry("her2_status=positive", words("3 ?\\+|\\+\\+\\+|positi|surexpression|overexpress|amplifie|amplified|amplification du|croix")),
            Map.entry("her2_status=negative", words("negati|\\b0\\b|1 ?\\+|non amplifi|not amplified|absence|low|nul")));
    private static final Pattern NEGATION = words("\\babsen|\\bpas\\b|\\bnon\\b|\\bsans\\b|\\baucun|\\bno\\b|\\bnot\\b|negative|\\bnone\\b"
            + "|without|rc-|intra-capsulaire|(?:lvi|emboles)\\s*:?\\s*0\\b");
    private static final Pattern LVI = words("embol|invasion|permeation|lvi|ilv");
    private static final Pattern ECE = words("capsul|ganglionnaire|extranodal|extracapsular|ene|rc");

    private static Pattern words(String regex) {
        return Pattern.compile(regex);
    }

    /** Lower case, without accents, line breaks and hyphenation undone, blanks collapsed. */
    static String normal(String s) {
        String out = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("œ", "oe").toLowerCase(Locale.ROOT);
        return out.replace("-\n", "").replaceAll("\\s+", " ");
    }

    @ParameterizedTest
    @CsvSource({"fr,0", "fr,0.5", "fr,1", "en,0", "en,0.5", "en,1"})
    void everyStatedValueHasAnExactSpan(String language, double noise) {
        List<ClinicalRecord> records = ClassicWordingTest.records(SCHEMA, 1500, 41);
        List<TemplateReportWriter> writers = List.of(
                TemplateReportWriter.builder().language(language).noise(noise).spans(true).build(),
                TemplateReportWriter.builder().language(language).noise(noise).vocabulary(Vocabulary.EXTENDED).spans(true).build(),
                TemplateReportWriter.builder().language(language).noise(noise).vocabulary(Vocabulary.EXTENDED).spans(true).distractors(0.5)
                        .onePage(0.3).build());
        int checked = 0;
        for (int w = 0; w < writers.size(); w++) {
            for (int i = 0; i < records.size(); i++) {
                Report r = writers.get(w).generate(new GenerationRequest("r" + i, records.get(i), 7919L * i + w));
                checked += check(r, records.get(i), language);
            }
        }
        assertThat(checked).isGreaterThan(30_000);
    }

    /** The number of spans checked. */
    static int check(Report r, ClinicalRecord record, String language) {
        String text = r.text();
        Map<String, List<Evidence>> spans = r.spans();
        for (String name : record.schema().names()) {
            if (record.get(name) == null) {
                assertThat(spans).as("no span for a missing %s in %s", name, r.provenance()).doesNotContainKey(name);
            } else {
                assertThat(spans).as("span of %s in %s\n%s", name, r.provenance(), text).containsKey(name);
            }
        }
        for (Map.Entry<String, Evidence> e : flatten(spans)) {
            Evidence s = e.getValue();
            assertThat(s.start()).isLessThan(s.end());
            assertThat(s.end()).isLessThanOrEqualTo(text.length());
            String quote = normal(s.quote(text));
            boolean templated = SCHEMA.has(e.getKey());
            assertThat(templated ? states(e.getKey(), record, quote, language)
                    : AnySchemaTest.statesGeneric(record.schema().attribute(e.getKey()), record, quote, language)).as("%s=%s stated by '%s' in %s\n%s", e.getKey(), record.format(e.getKey()),
                    quote, r.provenance(), text).isTrue();
            assertThat(quote).as("span of %s trimmed", e.getKey()).isEqualTo(quote.strip());
        }
        assertNoOverlap(r);
        return spans.size();
    }

    /** Two attributes' spans overlap only where one phrase states both node counts, and then they are the same span. */
    static void assertNoOverlap(Report r) {
        String text = r.text();
        List<Map.Entry<String, Evidence>> spans = flatten(r.spans());
        for (Map.Entry<String, Evidence> e : spans) {
            Evidence s = e.getValue();
            for (Map.Entry<String, Evidence> o : spans) {
                Evidence t = o.getValue();
                if (o.getKey().equals(e.getKey()) || t.end() <= s.start() || s.end() <= t.start()) {
                    continue;
                }
                assertThat(List.of(e.getKey(), o.getKey())).as("overlapping spans in\n%s", text)
                        .containsExactlyInAnyOrder("lymph_nodes_taken", "lymph_nodes_affected");
                assertThat(t).isEqualTo(s);
            }
        }
    }

    /** Every span of every attribute, as (attribute, span) entries. */
    static List<Map.Entry<String, Evidence>> flatten(Map<String, List<Evidence>> spans) {
        List<Map.Entry<String, Evidence>> out = new java.util.ArrayList<>();
        spans.forEach((name, list) -> list.forEach(s -> out.add(Map.entry(name, s))));
        return out;
    }

    private static boolean states(String name, ClinicalRecord record, String quote, String language) {
        String value = record.format(name);
        return switch (name) {
            case "morphology_icdo" -> morphology(value, quote, language);
            case "sbr_grade" -> {
                String roman = new String[] {"i", "ii", "iii"}[Integer.parseInt(value) - 1];
                yield Pattern.compile("(?<![0-9])" + value + "(?![0-9])|\\b" + roman + "\\b").matcher(quote).find();
            }
            case "tumor_size_mm", "ki67_percent" -> number(record.getDouble(name), quote, name.equals("tumor_size_mm"));
            case "lymph_nodes_taken", "lymph_nodes_affected" -> nodes(record, name, quote);
            case "lymphovascular_invasion" -> LVI.matcher(quote).find() && NEGATION.matcher(quote).find() == value.equals("no");
            case "extracapsular_spread" -> ECE.matcher(quote).find() && NEGATION.matcher(quote).find() == value.equals("no");
            default -> STATES.get(name + "=" + value).matcher(quote).find();
        };
    }

    private static boolean morphology(String code, String quote, String language) {
        if (quote.contains(code.substring(0, 4))) {
            return true;
        }
        List<String> forms = new ArrayList<>(TemplateSet.strings(TEMPLATES.computeIfAbsent(language, TemplateSet::load).node("morphologyForms", code)));
        forms.add(SCHEMA.attribute("morphology_icdo").valueLabel(code, language));
        return forms.stream().map(ReportSpansTest::normal).anyMatch(quote::contains);
    }

    private static boolean number(double value, String quote, boolean size) {
        String mm = new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        String cm = new java.math.BigDecimal(Double.toString(value)).movePointLeft(1).stripTrailingZeros().toPlainString();
        String q = quote.replace(',', '.');
        boolean mmFound = Pattern.compile("(?<![0-9.])" + Pattern.quote(mm) + "(?![0-9])").matcher(q).find();
        boolean cmFound = size && Pattern.compile("(?<![0-9.])" + Pattern.quote(cm) + "(?![0-9]) ?(x [0-9.]+ ?)?cm").matcher(q).find();
        return mmFound || cmFound;
    }

    private static final List<String> NUMBER_WORDS = List.of("aucun", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
            "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf", "vingt");
    private static final List<String> ENGLISH_WORDS = List.of("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty");

    private static boolean nodes(ClinicalRecord record, String name, String quote) {
        int n = record.getInteger(name);
        if (Pattern.compile("(?<![0-9])" + n + "(?![0-9])").matcher(quote).find()) {
            return true;
        }
        if (n <= 20 && (Pattern.compile("\\b" + NUMBER_WORDS.get(n) + "\\b").matcher(quote).find()
                || Pattern.compile("\\b" + ENGLISH_WORDS.get(n) + "\\b").matcher(quote).find())) {
            return true;
        }
        Integer affected = record.getInteger("lymph_nodes_affected");
        Integer taken = record.getInteger("lymph_nodes_taken");
        boolean free = affected != null && affected == 0 && words("indemne|negative|none|aucun|absence").matcher(quote).find();
        boolean singleSentinel = taken != null && taken == 1 && quote.contains("sentinel");
        return name.equals("lymph_nodes_affected") ? free : free && singleSentinel;
    }
}
