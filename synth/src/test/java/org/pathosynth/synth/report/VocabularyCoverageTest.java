package org.pathosynth.synth.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.schema.Schema;

/**
 * With the extended vocabulary, every entry of the shared French vocabulary ({@code docs/fr-pathology-vocabulary.json}) that maps to one of the 13
 * attributes is used by the writer's phrasings (and the English counterparts where they exist): what teachers never
 * say, a student never learns. Numbers in an entry stand for any number; pending tests come with distractors.
 */
class VocabularyCoverageTest {
    static final Map<String, List<String>> FRENCH = new LinkedHashMap<>();
    static final Map<String, List<String>> ENGLISH = new LinkedHashMap<>();

    static {
        FRENCH.put("test_used_for_diagnosis", List.of("microbiopsie", "microbiopsies", "micro-biopsies", "biopsie percutanée",
                "biopsies percutanées", "biopsie échoguidée", "biopsies écho-guidées", "biopsies sous échographie",
                "biopsie sous contrôle échographique", "biopsie au pistolet automatique", "biopsie au trocart", "biopsie 14G",
                "carottes biopsiques", "fragments biopsiques", "biopsie stéréotaxique (14G)", "biopsie sous IRM", "macrobiopsie",
                "macrobiopsies", "macro-biopsie", "macrobiopsie assistée par aspiration", "biopsie assistée par le vide",
                "macrobiopsie stéréotaxique", "macrobiopsie sous stéréotaxie", "macrobiopsie sous échographie", "macrobiopsie 10G",
                "macrobiopsie 11G", "Mammotome", "Vacora", "EnCor", "biopsie chirurgicale", "biopsie-exérèse", "biopsie exérèse",
                "exérèse à visée diagnostique", "nodulectomie", "tumorectomie", "tumorectomie élargie", "zonectomie", "quadrantectomie",
                "pyramidectomie", "segmentectomie", "mastectomie partielle", "exérèse mammaire partielle", "chirurgie conservatrice",
                "oncoplastie", "plastie mammaire oncologique", "tumorectomie sur harpon",
                "exérèse après repérage (harpon, clip, repère radio-opaque)", "recoupe", "recoupes", "reprise de berges",
                "reprise de tumorectomie", "exérèse sur harpon", "mastectomie", "mastectomie totale", "mammectomie",
                "mastectomie radicale modifiée", "intervention de Patey", "MRM", "mastectomie avec conservation de l'étui cutané",
                "mastectomie avec conservation de la plaque aréolo-mamelonnaire", "mastectomie sous-cutanée", "mastectomie de rattrapage",
                "curage axillaire", "curage ganglionnaire axillaire", "évidement axillaire", "évidement ganglionnaire axillaire",
                "lymphadénectomie axillaire", "curage axillaire complémentaire", "curage de niveau I et II (Berg)"));
        FRENCH.put("morphology_icdo", List.of("carcinome infiltrant de type non spécifique", "carcinome infiltrant de type non particulier",
                "carcinome infiltrant NST", "carcinome infiltrant TNS", "CI-TNS", "carcinome canalaire infiltrant", "CCI",
                "carcinome canalaire invasif", "adénocarcinome canalaire infiltrant", "carcinome canalaire infiltrant SAI",
                "carcinome infiltrant de type canalaire", "carcinome galactophorique infiltrant", "épithélioma canalaire infiltrant",
                "carcinome lobulaire infiltrant", "CLI", "carcinome lobulaire invasif", "carcinome lobulaire infiltrant de forme classique",
                "carcinome lobulaire infiltrant pléomorphe", "carcinome lobulaire infiltrant alvéolaire", "carcinome lobulaire infiltrant solide",
                "carcinome tubulo-lobulaire", "carcinome mixte canalaire et lobulaire", "carcinome infiltrant mixte",
                "carcinome canalo-lobulaire infiltrant", "carcinome infiltrant de type mixte TNS et lobulaire", "carcinome tubuleux",
                "carcinome tubulaire", "carcinome cribriforme infiltrant", "carcinome cribriforme invasif", "carcinome mucineux",
                "carcinome colloïde", "carcinome colloïde muqueux", "carcinome mucoïde", "carcinome micropapillaire infiltrant",
                "carcinome micropapillaire invasif", "carcinome médullaire", "carcinome à différenciation médullaire",
                "carcinome de type médullaire", "carcinome médullaire atypique", "carcinome métaplasique",
                "carcinome métaplasique à différenciation épidermoïde", "carcinome métaplasique fusiforme",
                "carcinome avec métaplasie chondroïde", "carcinome sarcomatoïde", "carcinome apocrine", "carcinome à différenciation apocrine",
                "carcinome adénoïde kystique", "cylindrome", "carcinome sécrétoire", "carcinome sécrétant", "carcinome juvénile",
                "carcinome papillaire infiltrant", "carcinome papillaire invasif", "carcinome inflammatoire", "maladie de Paget du mamelon",
                "maladie de Paget", "carcinome neuroendocrine", "carcinome neuroendocrine à grandes cellules",
                "carcinome à cellules en bague à chaton", "carcinome canalaire in situ", "CCIS", "carcinome intracanalaire", "comédocarcinome",
                "carcinome lobulaire in situ", "CLIS", "néoplasie lobulaire in situ", "8500/3", "M-8500/3", "M85003"));
        FRENCH.put("sbr_grade", List.of("grade SBR", "grade de Scarff-Bloom-Richardson", "SBR modifié", "grade de Elston et Ellis",
                "grade EE", "grade d'Elston-Ellis", "grade de Nottingham", "grade histopronostique", "grade histologique", "grade II",
                "grade 2", "SBR II", "EE2", "grade II (3+2+1)", "(score 6 : 3-2-1)"));
        FRENCH.put("tumor_size_mm", List.of("mesurant 18 mm", "de 1,8 cm", "taille histologique (de la composante infiltrante) : 15 mm",
                "plus grand axe", "18 x 15 x 12 mm", "foyer principal de"));
        FRENCH.put("clear_margins", List.of("limites d'exérèse saines", "limites d'exérèse non atteintes", "exérèse complète",
                "exérèse in sano", "in sano", "passant en tissu sain", "en zone saine", "berges saines", "marges saines", "marges libres",
                "R0", "limites chirurgicales saines", "limites d'exérèse atteintes", "limite focalement atteinte", "berge atteinte",
                "berge envahie", "tumeur au contact de la berge", "au contact de l'encre", "exérèse incomplète", "non in sano",
                "limites tumorales", "R1", "marge la plus proche : 3 mm", "à 2,5 mm de la berge interne"));
        FRENCH.put("lymph_nodes", List.of("0N+/3", "0 N+ / 3", "1N+/12", "2 N+ / 15 N", "3N+/14N dont 1 avec rupture capsulaire",
                "0/2 (GS)", "pN0(sn) (0/2)", "pN1a (2/14)", "GS : 1/2 (micrométastase de 1,5 mm)", "absence de métastase ganglionnaire (0/3)",
                "deux ganglions indemnes", "aucun des 12 ganglions n'est envahi", "ganglion sentinelle indemne", "2 ganglions sur 14",
                "0N+/2N"));
        FRENCH.put("lymphovascular_invasion", List.of("présence d'emboles vasculaires", "emboles lymphatiques péritumoraux présents",
                "emboles tumoraux", "quelques emboles lymphatiques", "nombreux emboles", "invasion lympho-vasculaire",
                "perméations lymphatiques", "emboles : présents", "emboles : oui", "absence d'embole", "pas d'embole vasculaire visible",
                "pas d'embole identifié", "emboles : non vus", "emboles non vus", "sans embole", "aucun embole", "emboles absents",
                "absence d'invasion lympho-vasculaire"));
        FRENCH.put("extracapsular_spread", List.of("rupture capsulaire", "effraction capsulaire", "dépassement capsulaire",
                "extension extra-capsulaire", "extension extra-ganglionnaire", "envahissement de la graisse péri-ganglionnaire", "RC+",
                "avec rupture capsulaire", "sans rupture capsulaire", "pas de rupture capsulaire", "absence de rupture capsulaire",
                "absence d'effraction capsulaire", "sans extension extra-ganglionnaire", "RC-", "métastase intra-capsulaire"));
        FRENCH.put("er_status", List.of("récepteurs aux œstrogènes positifs (90 %, intensité forte)", "RE : 95 % (+++)", "RO : 80 %",
                "RE+ (100 %)", "RE négatifs (< 1 %)", "RE : 0 %", "récepteurs aux estrogènes : 70 % des cellules, marquage d'intensité modérée à forte",
                "score d'Allred 8/8", "H-score 270", "RH+ (RE 90 % / RP 40 %)", "statut hormonal : RE+ RP-", "triple négatif"));
        FRENCH.put("pr_status", List.of("récepteurs à la progestérone positifs (60 %, intensité modérée)", "RP : 40 % (++)", "RPg : 0 %",
                "RP négatifs", "RP- (< 1 %)", "PgR 10 %"));
        FRENCH.put("her2_status", List.of("absence de surexpression de la protéine HER2 (score 0)",
                "le marquage HER2 est membranaire incomplet et faible dans plus de 10 % des cellules (score 1+, HER2-low)",
                "surexpression de HER2 (score 3+)", "HER2 1+", "HER2 2+ non amplifié", "HER2-low", "FISH", "SISH", "CISH", "non amplifié",
                "amplifié", "c-erbB-2", "ERBB2", "HER2 +++", "3 croix", "HER2 nul", "ratio HER2/CEP17"));
        FRENCH.put("ki67_percent", List.of("Ki67 : 15 %", "Ki-67 à 20 %", "index Ki67 estimé à 30 % des cellules tumorales",
                "Ki67 élevé (40 %)", "MIB-1 : 25 %", "Ki67 : 30 % (zones chaudes / hot spots)", "le Ki67 est de 12 %"));
        ENGLISH.put("test_used_for_diagnosis", List.of("core needle biopsy", "vacuum-assisted biopsy", "stereotactic core biopsy",
                "Mammotome biopsy", "MRI-guided biopsy", "excisional biopsy", "surgical biopsy", "lumpectomy", "wide local excision",
                "partial mastectomy", "segmentectomy", "quadrantectomy", "wire-localised excision", "re-excision lumpectomy",
                "total mastectomy", "modified radical mastectomy", "skin-sparing mastectomy", "nipple-sparing mastectomy",
                "completion mastectomy", "axillary lymph node dissection", "axillary clearance", "level I-II axillary dissection"));
        ENGLISH.put("morphology_icdo", List.of("invasive carcinoma of no special type", "invasive carcinoma, NST", "invasive ductal carcinoma",
                "IDC", "invasive lobular carcinoma", "ILC", "mixed ductal and lobular carcinoma", "mucinous carcinoma", "colloid carcinoma",
                "ductal carcinoma in situ", "DCIS", "lobular carcinoma in situ", "LCIS", "M-8500/3", "M85003"));
        ENGLISH.put("sbr_grade", List.of("Nottingham grade", "Elston-Ellis grade", "modified Scarff-Bloom-Richardson grade",
                "histologic grade", "grade II (3+2+1)", "Nottingham score 6/9"));
        ENGLISH.put("tumor_size_mm", List.of("measuring 18 mm", "1.8 cm", "18 x 15 x 12 mm", "greatest dimension"));
        ENGLISH.put("clear_margins", List.of("margins negative for invasive carcinoma", "R0", "R1", "closest margin 3 mm", "involved margins",
                "the excision is complete"));
        ENGLISH.put("lymph_nodes", List.of("pN1a (2/14)", "pN0(sn) (0/2)", "2 of 14", "sentinel lymph node negative for metastasis"));
        ENGLISH.put("lymphovascular_invasion", List.of("LVI present", "lymphatic invasion", "no lymphovascular invasion", "LVI: not identified"));
        ENGLISH.put("extracapsular_spread", List.of("extranodal extension", "extracapsular extension", "ENE", "without extracapsular spread"));
        ENGLISH.put("er_status", List.of("ER positive (90%, strong intensity)", "ER: 95% (+++)", "ER+ (100%)", "ER negative (<1%)",
                "Allred score 8/8", "H-score 270", "HR+ (ER 90% / PR 40%)", "Triple-negative"));
        ENGLISH.put("pr_status", List.of("PR positive (60%, moderate intensity)", "PgR", "PR- (0%)"));
        ENGLISH.put("her2_status", List.of("HER2 IHC 3+", "HER2/neu", "HER2-low", "not amplified", "amplified", "HER2/CEP17 ratio",
                "FISH", "SISH", "CISH"));
        ENGLISH.put("ki67_percent", List.of("Ki-67 (MIB-1): 15%", "Ki-67 index 20% (hot spots)", "Ki-67 high (40%)"));
    }

    /** An entry as a pattern: any number where it has one, blanks as any blank, any case. */
    static Pattern pattern(String entry) {
        StringBuilder rx = new StringBuilder();
        java.util.regex.Matcher n = Pattern.compile("\\d+(?:[.,]\\d+)?").matcher(entry);
        int at = 0;
        while (n.find()) {
            rx.append(literal(entry.substring(at, n.start()))).append("\\d+(?:[.,]\\d+)?");
            at = n.end();
        }
        rx.append(literal(entry.substring(at)));
        String number = "(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|\\d+)";
        return Pattern.compile(rx.toString().replace("\\Qdeux\\E", number), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String literal(String text) {
        return text.isEmpty() ? "" : Pattern.quote(text).replace(" ", "\\E\\s+\\Q");
    }

    static String corpus(String language, int n) {
        List<ClinicalRecord> records = ClassicWordingTest.records(Schema.breastCancer(), n, 123);
        StringBuilder all = new StringBuilder();
        List<TemplateReportWriter> writers = List.of(TemplateReportWriter.builder().language(language).vocabulary(Vocabulary.EXTENDED).build(),
                TemplateReportWriter.builder().language(language).vocabulary(Vocabulary.EXTENDED).distractors(0.5).build());
        for (int i = 0; i < n; i++) {
            ClinicalRecord r = records.get(i);
            if (i % 10 == 0) { // a single sentinel node, free of metastasis, has phrasings of its own
                r = r.with("lymph_nodes_taken", 1).with("lymph_nodes_affected", 0);
            } else if (i % 10 == 5) { // and so have nodes all free of metastasis
                r = r.with("lymph_nodes_taken", 2 + i % 13).with("lymph_nodes_affected", 0);
            }
            all.append(writers.get(i % 2).generate(new GenerationRequest("r" + i, r, 97L * i + 1)).text().replace('\n', ' '))
                    .append('\n');
        }
        return all.toString();
    }

    static List<String> missing(Map<String, List<String>> entries, String corpus) {
        List<String> missing = new ArrayList<>();
        entries.forEach((attribute, forms) -> forms.stream().filter(f -> !pattern(f).matcher(corpus).find())
                .forEach(f -> missing.add(attribute + ": " + f)));
        return missing;
    }

    @Test
    void everyFrenchEntryIsWrittenAndItsEnglishCounterpart() {
        assertThat(missing(FRENCH, corpus("fr", 30_000))).isEmpty();
        assertThat(missing(ENGLISH, corpus("en", 20_000))).isEmpty();
        assertThat(FRENCH.values().stream().mapToInt(List::size).sum()).isGreaterThanOrEqualTo(270);
    }
}
