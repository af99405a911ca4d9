package org.pathosynth.extraction.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pathosynth.core.report.Report;

/**
 * The French and English forms of {@code fr-pathology-vocabulary.json} (procedure and morphology synonyms and
 * notations, grade forms, margins stated as an excision, node statements without a count, receptor, HER2 and Ki-67
 * forms), each in a short sentence written for this test: the value the rules read, as the schema formats it.
 */
class RulesVocabularyTest {
    private static final RuleBasedExtractor RULES = RuleBasedExtractor.create();

    @ParameterizedTest(name = "{0}: {1} -> {2} = {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // procedure
            "fr|Zonectomie du quadrant supéro-externe gauche.|test_used_for_diagnosis|lumpectomy",
            "fr|Quadrantectomie droite orientée par deux fils.|test_used_for_diagnosis|lumpectomy",
            "fr|Pyramidectomie mammaire gauche.|test_used_for_diagnosis|lumpectomy",
            "fr|Segmentectomie du sein droit.|test_used_for_diagnosis|lumpectomy",
            "fr|Mastectomie partielle du sein gauche.|test_used_for_diagnosis|lumpectomy",
            "fr|Exérèse mammaire partielle, QIE.|test_used_for_diagnosis|lumpectomy",
            "fr|Exérèse sur harpon d'une zone de microcalcifications.|test_used_for_diagnosis|lumpectomy",
            "fr|Tumorectomie élargie gauche après repérage par harpon.|test_used_for_diagnosis|lumpectomy",
            "fr|Mammectomie droite.|test_used_for_diagnosis|mastectomy",
            "fr|Intervention de Patey à gauche.|test_used_for_diagnosis|mastectomy",
            "fr|MRM droite avec curage.|test_used_for_diagnosis|mastectomy",
            // a specimen of lymph nodes alone, and the same nodes sent with the breast specimen
            "fr|Exérèse du ganglion sentinelle droit. Macrométastase de 4 mm.|test_used_for_diagnosis|lymph_node_dissection",
            "fr|Biopsie du ganglion sentinelle axillaire gauche : 0/2.|test_used_for_diagnosis|lymph_node_dissection",
            "fr|Ganglions sentinelles axillaires G : 1N+/3.|test_used_for_diagnosis|lymph_node_dissection",
            "fr|Tumorectomie droite et exérèse du ganglion sentinelle.|test_used_for_diagnosis|lumpectomy",
            "en|Left sentinel lymph node biopsy: isolated tumour cells.|test_used_for_diagnosis|lymph_node_dissection",
            "en|SLNB, right: 0/2.|test_used_for_diagnosis|lymph_node_dissection",
            "en|Left axillary node clearance: 2/14 nodes positive.|test_used_for_diagnosis|lymph_node_dissection",
            "en|Right lumpectomy and sentinel lymph node biopsy.|test_used_for_diagnosis|lumpectomy",
            "en|Specimen: Right breast 12 o'clock US core x 4.|test_used_for_diagnosis|biopsy",
            "en|Right breast core - invasive carcinoma of no special type.|test_used_for_diagnosis|biopsy",
            // node counts written without a ratio
            "fr|GS : 2 ggl, 0 N+.|lymph_nodes_taken|2",
            "fr|GS : 2 ggl, 1 N+.|lymph_nodes_affected|1",
            "fr|Curage : 2 ganglions sur 12 sont le siège d'une métastase.|lymph_nodes_taken|12",
            "fr|Curage : 2 ganglions sur 12 sont le siège d'une métastase.|lymph_nodes_affected|2",
            "en|Lymph nodes examined: 12; with metastasis: 3.|lymph_nodes_affected|3",
            "fr|Macrobiopsies sous stéréotaxie, 10G.|test_used_for_diagnosis|biopsy",
            "fr|Prélèvements par Mammotome du sein gauche.|test_used_for_diagnosis|biopsy",
            "fr|Biopsie assistée par le vide (VAB).|test_used_for_diagnosis|biopsy",
            "fr|Quatre carottes biopsiques du sein droit.|test_used_for_diagnosis|biopsy",
            "fr|Biopsie-exérèse d'un nodule du sein droit.|test_used_for_diagnosis|surgical_excision",
            "fr|Nodulectomie gauche.|test_used_for_diagnosis|surgical_excision",
            "fr|Exérèse à visée diagnostique d'une lésion mammaire.|test_used_for_diagnosis|surgical_excision",
            "fr|Évidement ganglionnaire axillaire gauche.|test_used_for_diagnosis|lymph_node_dissection",
            "en|Partial mastectomy, right breast.|test_used_for_diagnosis|lumpectomy",
            "en|Quadrantectomy of the left breast.|test_used_for_diagnosis|lumpectomy",
            "en|Wide local excision, left breast.|test_used_for_diagnosis|lumpectomy",
            "en|Right WLE with sentinel node.|test_used_for_diagnosis|lumpectomy",
            "en|Segmental mastectomy, left.|test_used_for_diagnosis|lumpectomy",
            "en|Breast-conserving surgery, right.|test_used_for_diagnosis|lumpectomy",
            "en|Vacuum-assisted biopsy of calcifications.|test_used_for_diagnosis|biopsy",
            "en|Excisional biopsy of a left breast lump.|test_used_for_diagnosis|surgical_excision",
            "en|Modified radical mastectomy, left.|test_used_for_diagnosis|mastectomy",
            "en|Left axillary lymph node dissection.|test_used_for_diagnosis|lymph_node_dissection",
            // morphology
            "fr|CCI de 12 mm.|morphology_icdo|8500/3",
            "fr|Carcinome infiltrant TNS.|morphology_icdo|8500/3",
            "fr|CI-TNS du sein gauche.|morphology_icdo|8500/3",
            "fr|Carcinome galactophorique infiltrant.|morphology_icdo|8500/3",
            "fr|Adénocarcinome canalaire infiltrant.|morphology_icdo|8500/3",
            "fr|Carcinome canalaire infiltrant SAI.|morphology_icdo|8500/3",
            "fr|Carcinome infiltrant de type non particulier.|morphology_icdo|8500/3",
            "fr|Carcinome infiltrant de type canalaire.|morphology_icdo|8500/3",
            "fr|Code CIM-O-3 : M-8500/3.|morphology_icdo|8500/3",
            "fr|Codification : M85203.|morphology_icdo|8520/3",
            "fr|CLI de forme classique.|morphology_icdo|8520/3",
            "fr|Carcinome tubulo-lobulaire.|morphology_icdo|8520/3",
            "fr|Carcinome colloïde muqueux.|morphology_icdo|8480/3",
            "fr|Carcinome mucoïde pur.|morphology_icdo|8480/3",
            "fr|Carcinome à différenciation apocrine.|morphology_icdo|8401/3",
            "fr|Carcinome tubulaire.|morphology_icdo|8211/3",
            "fr|Carcinome canalaire in situ (CCIS) de haut grade, sans infiltration.|morphology_icdo|8500/2",
            "en|Invasive ductal carcinoma, NOS.|morphology_icdo|8500/3",
            "en|Invasive mammary carcinoma of no special type.|morphology_icdo|8500/3",
            "en|Invasive carcinoma (NST).|morphology_icdo|8500/3",
            "en|Mucinous (colloid) carcinoma.|morphology_icdo|8480/3",
            "en|ICD-O morphology M-8520/3.|morphology_icdo|8520/3",
            // grade
            "fr|Grade SBR modifié : 2.|sbr_grade|2",
            "fr|Grade de Scarff-Bloom-Richardson III.|sbr_grade|3",
            "fr|Grade histopronostique d'Elston et Ellis : I.|sbr_grade|1",
            "fr|Grade EE 2 (3+2+1).|sbr_grade|2",
            "fr|Grade de Nottingham II.|sbr_grade|2",
            "en|Nottingham grade 3 (3+3+2).|sbr_grade|3",
            "en|Modified Bloom-Richardson grade I.|sbr_grade|1",
            // margins
            "fr|Tumorectomie. Exérèse complète.|clear_margins|yes",
            "fr|Tumorectomie. Exérèse in sano.|clear_margins|yes",
            "fr|Tumorectomie. L'exérèse passe en tissu sain.|clear_margins|yes",
            "fr|Tumorectomie. Exérèse en zone saine.|clear_margins|yes",
            "fr|Tumorectomie. Marges négatives.|clear_margins|yes",
            "fr|Tumorectomie. Exérèse incomplète.|clear_margins|no",
            "fr|Tumorectomie. Carcinome au contact de l'encre.|clear_margins|no",
            "fr|Tumorectomie. Non in sano.|clear_margins|no",
            "en|Lumpectomy. Excision is complete.|clear_margins|yes",
            "en|Lumpectomy. The carcinoma is completely excised.|clear_margins|yes",
            "en|Lumpectomy. In sano.|clear_margins|yes",
            "en|Lumpectomy. Incompletely excised.|clear_margins|no",
            "en|Lumpectomy. Tumour extends to the inked margin.|clear_margins|no",
            // nodes
            "fr|Ganglion sentinelle indemne.|lymph_nodes_taken|1",
            "fr|Ganglion sentinelle indemne.|lymph_nodes_affected|0",
            "fr|Le ganglion sentinelle est indemne de métastase.|lymph_nodes_taken|1",
            "fr|Ganglions sentinelles indemnes.|lymph_nodes_affected|0",
            "fr|pN0(sn).|lymph_nodes_affected|0",
            "fr|Aucun des 12 ganglions n'est envahi.|lymph_nodes_taken|12",
            "fr|Aucun des 12 ganglions n'est envahi.|lymph_nodes_affected|0",
            "fr|Absence de métastase ganglionnaire (0/3).|lymph_nodes_taken|3",
            "fr|Trois ganglions sentinelles ont été examinés ; aucun n'est envahi.|lymph_nodes_affected|0",
            "en|Sentinel node negative.|lymph_nodes_taken|1",
            "en|Sentinel node negative.|lymph_nodes_affected|0",
            "en|pN0(sn).|lymph_nodes_affected|0",
            "en|Two sentinel nodes, both negative.|lymph_nodes_taken|2",
            "en|Twelve lymph nodes, none involved.|lymph_nodes_affected|0",
            // lymphovascular invasion and extracapsular spread
            "fr|Présence de perméations lymphatiques.|lymphovascular_invasion|yes",
            "fr|Invasion lympho-vasculaire : présente.|lymphovascular_invasion|yes",
            "fr|Présence d'un envahissement de la graisse péri-ganglionnaire.|extracapsular_spread|yes",
            "fr|1N+/12, RC+.|extracapsular_spread|yes",
            "fr|1N+/12, RC-.|extracapsular_spread|no",
            // receptors
            "fr|RO : 80 %.|er_status|positive",
            "fr|RE+ (100 %).|er_status|positive",
            "fr|Récepteurs aux estrogènes : 70 % des cellules.|er_status|positive",
            "fr|RPg : 0 %.|pr_status|negative",
            "fr|Récepteurs progestatifs négatifs.|pr_status|negative",
            "fr|Triple négatif.|er_status|negative",
            "fr|Triple négatif.|pr_status|negative",
            "fr|Triple négatif.|her2_status|negative",
            "fr|RH négatifs.|pr_status|negative",
            "en|ER-positive, PR-negative.|er_status|positive",
            "en|ER-positive, PR-negative.|pr_status|negative",
            "en|PgR 40%.|pr_status|positive",
            "en|Oestrogen receptor positive (Allred 8/8).|er_status|positive",
            // HER2
            "fr|HER2-low (score 1+).|her2_status|negative",
            "fr|HER2 low.|her2_status|negative",
            "fr|HER2 ultra-low.|her2_status|negative",
            "fr|HER2 : 0 (ultralow).|her2_status|negative",
            "fr|c-erbB-2 : 3 croix.|her2_status|positive",
            "fr|HER2 : 2 croix, non amplifié en CISH.|her2_status|negative",
            "fr|HER2 2+, SISH amplifié.|her2_status|positive",
            "fr|Absence de surexpression de la protéine HER2 (score 0).|her2_status|negative",
            "en|HER2 zero.|her2_status|negative",
            "en|HER2/neu: equivocal (2+); FISH not amplified.|her2_status|negative",
            "en|HER2-positive (3+).|her2_status|positive",
            // Ki-67
            "fr|Ki67 : 15 %.|ki67_percent|15",
            "fr|Ki-67 à 20 %.|ki67_percent|20",
            "fr|MIB-1 : 25 %.|ki67_percent|25",
            "fr|Index de prolifération Ki67 élevé (40 %).|ki67_percent|40",
            "en|Ki-67 proliferation index: 20%.|ki67_percent|20",
            "en|MIB-1 labelling index 35%.|ki67_percent|35"})
    void aVocabularyFormIsRead(String language, String sentence, String attribute, String expected) {
        assertThat(RULES.extract(Report.of("v", sentence, language)).values().format(attribute)).isEqualTo(expected);
    }
}
