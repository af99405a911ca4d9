package org.pathosynth.extraction.rules;

import java.util.List;
import java.util.Map;
import org.pathosynth.core.contract.ExtractorContractTest;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;

/** The rule-based extractor keeps the extractor contract, and reads these reports' every value. */
class RuleBasedExtractorContractTest extends ExtractorContractTest {
    private static final RuleBasedExtractor EXTRACTOR = RuleBasedExtractor.create();

    @Override
    protected PathologyExtractor extractor() {
        return EXTRACTOR;
    }

    @Override
    protected List<ReportPair> labelledReports() {
        return List.of(
                labelled("biopsy-fr", "fr", """
                        Microbiopsie du sein droit.
                        Carcinome infiltrant de type non spécifique, grade SBR 2. Absence d'emboles vasculaires.
                        Récepteurs aux œstrogènes : positifs (90 %). Récepteurs à la progestérone : négatifs (0 %).
                        HER2 : score 3+. Ki-67 : 30 %.""",
                        Map.of("test_used_for_diagnosis", "biopsy", "morphology_icdo", "8500/3", "sbr_grade", "2",
                                "lymphovascular_invasion", "false", "er_status", "positive", "pr_status", "negative",
                                "her2_status", "positive", "ki67_percent", "30")),
                labelled("mastectomy-fr", "fr", """
                        Mastectomie gauche avec curage axillaire.
                        Carcinome lobulaire infiltrant de grade 2, mesurant 32 mm. Limites d'exérèse saines.
                        Présence d'emboles vasculaires.
                        Curage axillaire : 2N+/14 avec rupture capsulaire.
                        RE 100 %, RP 80 %. HER2 négatif (score 1+). Ki-67 : 10 %.""",
                        Map.ofEntries(Map.entry("test_used_for_diagnosis", "mastectomy"), Map.entry("morphology_icdo", "8520/3"),
                                Map.entry("sbr_grade", "2"), Map.entry("tumor_size_mm", "32"), Map.entry("clear_margins", "true"),
                                Map.entry("lymph_nodes_taken", "14"), Map.entry("lymph_nodes_affected", "2"),
                                Map.entry("lymphovascular_invasion", "true"), Map.entry("extracapsular_spread", "true"),
                                Map.entry("er_status", "positive"), Map.entry("pr_status", "positive"),
                                Map.entry("her2_status", "negative"), Map.entry("ki67_percent", "10"))),
                labelled("lumpectomy-en", "en", """
                        Right breast lumpectomy: invasive carcinoma of no special type, grade 3, measuring 18 mm.
                        Margins clear. No lymphovascular invasion. Sentinel lymph nodes: 0/2.
                        ER negative, PR negative, HER2 negative (score 0). Ki-67 60%.""",
                        Map.ofEntries(Map.entry("test_used_for_diagnosis", "lumpectomy"), Map.entry("morphology_icdo", "8500/3"),
                                Map.entry("sbr_grade", "3"), Map.entry("tumor_size_mm", "18"), Map.entry("clear_margins", "true"),
                                Map.entry("lymph_nodes_taken", "2"), Map.entry("lymph_nodes_affected", "0"),
                                Map.entry("lymphovascular_invasion", "false"), Map.entry("er_status", "negative"),
                                Map.entry("pr_status", "negative"), Map.entry("her2_status", "negative"), Map.entry("ki67_percent", "60"))));
    }

    private static ReportPair labelled(String id, String language, String text, Map<String, String> gold) {
        return new ReportPair(id, ClinicalRecord.of(Schema.breastCancer(), gold), Report.of(id, text, language));
    }
}
