package org.pathosynth.synth.report;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;

/**
 * A record's values as template slots ({mm}, {cm}, {roman}, {taken}, {side}...), with the random choices that must
 * agree across a report (side, percentages, grade sub-scores) made once, and the rendering of templates with those
 * slots. Flavour slots the templates declare as stating a schema attribute ({@code flavour} in the templates) take the
 * record's value when the schema has that attribute, and are unavailable when the value is missing, so that flavour
 * never contradicts the record; otherwise they are drawn at random.
 *
 * <p>The main random stream makes the classic choices, in the order of template version 2; every choice the extended
 * vocabulary added comes from the separate {@code vocabulary} stream, so that the classic wording stays byte-identical.
 */
final class RecordSlots {
    private static final int[] RECEPTOR_PERCENTS = {10, 15, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100};
    private static final int[] GAUGES = {14, 14, 16, 12, 10, 11};
    private static final String[] PLUSES = {"", "+", "++", "+++"};
    /** Slot that renders nothing but is only available in reports about the breast (organ-specific wording). */
    static final String BREAST = "breast";

    private final Schema schema;
    private final TemplateSet templates;
    private final ClinicalRecord record;
    private final SplittableRandom vocabulary;
    private final Map<String, String> slots = new HashMap<>(128);
    /** Flavour slots that would state a schema attribute whose value is missing (or not expressible): never used. */
    private final Set<String> unavailable = new HashSet<>();
    private final boolean breast;

    RecordSlots(ClinicalRecord record, Schema schema, TemplateSet templates, SplittableRandom rng, SplittableRandom vocabulary,
                boolean extended, boolean breast) {
        this.record = record;
        this.schema = schema;
        this.templates = templates;
        this.vocabulary = vocabulary;
        this.breast = breast;
        if (breast) {
            slots.put(BREAST, "");
        } else {
            unavailable.add(BREAST);
        }
        // classic draws, in their historical order
        TemplateSet.Flavour side = templates.flavour("side");
        List<String> sides = List.copyOf(side.values().keySet());
        String drawnSide = sides.get(rng.nextInt(sides.size()));
        String pct = Integer.toString(RECEPTOR_PERCENTS[rng.nextInt(RECEPTOR_PERCENTS.length)]);
        String pctNeg = rng.nextBoolean() ? "0" : "< 1";
        // extended draws; the classic wording gave both receptors one percentage
        String prPct = extended ? Integer.toString(RECEPTOR_PERCENTS[vocabulary.nextInt(RECEPTOR_PERCENTS.length)]) : pct;
        String prPctNeg = extended ? (vocabulary.nextBoolean() ? "0" : "< 1") : pctNeg;
        TemplateSet.Flavour quadrants = templates.flavour("quadrant");
        List<String> quadrantCodes = List.copyOf(quadrants.values().keySet());
        String quadrant = quadrantCodes.get(vocabulary.nextInt(quadrantCodes.size()));
        if (!breast) {
            unavailable.addAll(side.slots());
            unavailable.addAll(quadrants.slots());
        } else {
            coded(side, drawnSide);
            coded(quadrants, quadrant);
        }
        // receptor phrasings with a percentage of their own ("RE : 0 %") only when no attribute holds the percentage
        optional("erPctFree", boundTo(templates.flavour("erPercent")) ? null : "");
        optional("prPctFree", boundTo(templates.flavour("prPercent")) ? null : "");
        numeric(templates.flavour("erPercent"), 0, pct);
        numeric(templates.flavour("erPercent"), 1, pctNeg);
        numeric(templates.flavour("prPercent"), 0, prPct);
        numeric(templates.flavour("prPercent"), 1, prPctNeg);
        slots.put("pct", pct);
        slots.put("pctNeg", pctNeg);
        if (present("morphology_icdo")) {
            String code = text("morphology_icdo");
            slots.put("code", code);
            slots.put("codeCompact", code.replace("/", ""));
            slots.put("label", attribute("morphology_icdo").valueLabel(code, templates.language()));
            slots.put("diagnosis", slots.get("label"));
            String form = TemplateSet.pickWeighted(templates.variants(templates.node("morphologyForms", code)), vocabulary);
            slots.put("morph", form == null ? slots.get("label") : form);
        }
        if (present("sbr_grade")) {
            String g = text("sbr_grade");
            slots.put("arabic", g);
            slots.put("roman", switch (g) {
                case "1" -> "I";
                case "2" -> "II";
                case "3" -> "III";
                default -> g;
            });
            subscores(g);
        }
        if (present("tumor_size_mm")) {
            double mm = record.getDouble("tumor_size_mm");
            slots.put("mm", decimal(BigDecimal.valueOf(mm)));
            slots.put("cm", decimal(BigDecimal.valueOf(mm).movePointLeft(1)));
            dimensions(mm);
            slots.put("pT", pT(mm));
        }
        if (present("ki67_percent")) {
            double ki67 = ((Number) record.get("ki67_percent")).doubleValue();
            slots.put("ki67", number("ki67_percent"));
            String category = ki67 < 10 ? "low" : ki67 >= 30 ? "high" : null;
            optional("ki67Level", category == null ? null : templates.words("ki67" + category).get(0));
        }
        for (String[] n : new String[][] {{"lymph_nodes_taken", "taken"}, {"lymph_nodes_affected", "affected"}}) {
            if (present(n[0])) {
                int count = record.getInteger(n[0]);
                slots.put(n[1], Integer.toString(count));
                slots.put(n[1] + "Word", templates.numberWord(count));
            }
        }
        if (present("lymph_nodes_affected")) {
            int affected = record.getInteger("lymph_nodes_affected");
            boolean sentinel = present("lymph_nodes_taken") && record.getInteger("lymph_nodes_taken") <= 3
                    && !"lymph_node_dissection".equals(text("test_used_for_diagnosis"));
            slots.put("pN", (affected == 0 ? "0" : affected <= 3 ? "1a" : affected <= 9 ? "2a" : "3a") + (sentinel ? "(sn)" : ""));
            int withSpread = affected >= 1 ? 1 + vocabulary.nextInt(affected) : 0;
            optional("eceNodes", affected >= 1 ? templates.numberWord(withSpread) : null);
            optional("eceCount", affected >= 1 ? Integer.toString(withSpread) : null);
            optional("positiveNodes", affected >= 1 ? "" : null); // phrasings that need a metastatic node
            optional("sentinel", sentinel ? "" : null); // phrasings of a sentinel-node procedure (a few nodes, no dissection)
            // a breast specimen sent with an axillary dissection: "mastectomie avec curage axillaire" (not a dissection alone)
            optional("dissection", present("lymph_nodes_taken") && record.getInteger("lymph_nodes_taken") > 3 && present("test_used_for_diagnosis")
                    && List.of("lumpectomy", "mastectomy").contains(text("test_used_for_diagnosis")) ? "" : null);
        } else {
            unavailable.add("positiveNodes");
            unavailable.add("sentinel");
            unavailable.add("dissection");
            unavailable.add("eceNodes");
            unavailable.add("eceCount");
        }
        for (String[] receptor : new String[][] {{"er_status", "erSign"}, {"pr_status", "prSign"}}) {
            if (present(receptor[0])) {
                slots.put(receptor[1], text(receptor[0]).equals("positive") ? "+" : "-");
            }
        }
        // "sera réalisé sur la pièce opératoire": said of a biopsy only
        optional("onBiopsy", "biopsy".equals(text("test_used_for_diagnosis")) ? "" : null);
        markers();
        margins();
        specimen();
    }

    /** Architecture, nuclei and mitoses scores (1 to 3 each) whose sum gives the grade: 3-5 I, 6-7 II, 8-9 III. */
    private void subscores(String grade) {
        int low = switch (grade) {
            case "1" -> 3;
            case "2" -> 6;
            default -> 8;
        };
        int high = switch (grade) {
            case "1" -> 5;
            case "2" -> 7;
            default -> 9;
        };
        int a;
        int n;
        int m;
        do {
            a = 1 + vocabulary.nextInt(3);
            n = 1 + vocabulary.nextInt(3);
            m = 1 + vocabulary.nextInt(3);
        } while (a + n + m < low || a + n + m > high);
        slots.put("a", Integer.toString(a));
        slots.put("n", Integer.toString(n));
        slots.put("m", Integer.toString(m));
        slots.put("sum", Integer.toString(a + n + m));
    }

    /** Two smaller dimensions for "28 x 20 x 15 mm" (the size is the largest), when the tumour is not tiny. */
    private void dimensions(double mm) {
        if (mm < 4) {
            unavailable.add("mm2");
            unavailable.add("cm2");
            return;
        }
        long second = Math.max(1, Math.round(mm * (0.5 + 0.4 * vocabulary.nextDouble())));
        long third = Math.max(1, Math.round(second * (0.5 + 0.45 * vocabulary.nextDouble())));
        second = Math.min(second, (long) Math.floor(mm) - 1);
        third = Math.min(third, second);
        slots.put("mm2", Long.toString(second));
        slots.put("mm3", Long.toString(third));
        slots.put("cm2", decimal(BigDecimal.valueOf(second).movePointLeft(1)));
        slots.put("cm3", decimal(BigDecimal.valueOf(third).movePointLeft(1)));
    }

    private static String pT(double mm) {
        return mm <= 1 ? "1mi" : mm <= 5 ? "1a" : mm <= 10 ? "1b" : mm <= 20 ? "1c" : mm <= 50 ? "2" : "3";
    }

    /** Receptor intensities and scores consistent with the percentages, HER2 ISH ratios, French low percentages. */
    private void markers() {
        List<String> intensity = templates.words("intensity");
        for (String r : new String[] {"er", "pr"}) {
            String pctSlot = r + "Pct";
            int level = 1 + vocabulary.nextInt(3);
            if (slots.containsKey(pctSlot)) {
                double pct = Double.parseDouble(visibleNumber(slots.get(pctSlot)));
                level = pct >= 60 ? 2 + vocabulary.nextInt(2) : pct >= 30 ? 1 + vocabulary.nextInt(3) : 1 + vocabulary.nextInt(2);
                int proportion = pct == 0 ? 0 : pct < 1 ? 1 : pct <= 10 ? 2 : pct <= 33 ? 3 : pct <= 66 ? 4 : 5;
                slots.put(r + "Allred", Integer.toString(proportion + level));
                slots.put(r + "Hscore", Long.toString(Math.round(pct * level)));
            }
            slots.put(r + "Int", intensity.get(level - 1));
            slots.put(r + "Plus", PLUSES[level]);
            slots.put(r + "Low", Integer.toString(1 + vocabulary.nextInt(9)));
        }
        slots.put("ratioAmp", tenths(22 + vocabulary.nextInt(44)));
        slots.put("ratioNotAmp", tenths(10 + vocabulary.nextInt(9)));
        List<String> ish = templates.words("ish");
        slots.put("ish", ish.get(vocabulary.nextInt(ish.size())));
    }

    /** n / 10 with the language's decimal separator ("2,2"). */
    private String tenths(int n) {
        return n / 10 + (n % 10 == 0 ? "" : templates.decimalSeparator() + Integer.toString(n % 10));
    }

    private void margins() {
        slots.put("marginMm", Integer.toString(1 + vocabulary.nextInt(15)));
        List<String> sides = templates.words("marginSides");
        slots.put("marginSide", sides.get(vocabulary.nextInt(sides.size())));
    }

    /** Specimen measurements for macroscopy (never the tumour's size). */
    private void specimen() {
        int d1 = 40 + vocabulary.nextInt(80);
        int d2 = Math.max(20, (int) Math.round(d1 * (0.5 + 0.4 * vocabulary.nextDouble())));
        int d3 = Math.max(10, (int) Math.round(d2 * (0.4 + 0.4 * vocabulary.nextDouble())));
        slots.put("pieceDims", d1 + " x " + d2 + " x " + d3);
        slots.put("pieceWeight", Integer.toString(10 + vocabulary.nextInt(300)));
        slots.put("cassettes", Integer.toString(4 + vocabulary.nextInt(20)));
        slots.put("cores", Integer.toString(2 + vocabulary.nextInt(5)));
        slots.put("gauge", Integer.toString(GAUGES[vocabulary.nextInt(GAUGES.length)]));
    }

    private boolean boundTo(TemplateSet.Flavour flavour) {
        return flavour.attribute() != null && schema.has(flavour.attribute());
    }

    /** A coded flavour (side, quadrant): the record's value when the schema has the attribute, else the draw. */
    private void coded(TemplateSet.Flavour flavour, String drawn) {
        String value = drawn;
        int index = -1;
        if (flavour.attribute() != null && schema.has(flavour.attribute())) {
            index = schema.indexOf(flavour.attribute());
            value = present(flavour.attribute()) ? text(flavour.attribute()) : null;
        }
        List<String> forms = value == null ? null : flavour.values().get(value);
        for (int i = 0; i < flavour.slots().size(); i++) {
            String slot = flavour.slots().get(i);
            if (forms == null) {
                unavailable.add(slot);
                continue;
            }
            String form = forms.get(Math.min(i, forms.size() - 1));
            slots.put(slot, index >= 0 ? SpanMarks.flavour(form, index) : form);
        }
        // the other value of a two-valued flavour (the other breast), for history that must not be read as this one
        if (forms != null && flavour.values().size() == 2) {
            for (var other : flavour.values().entrySet()) {
                if (!other.getKey().equals(value)) {
                    for (int i = 0; i < flavour.slots().size(); i++) {
                        String slot = flavour.slots().get(i);
                        slots.put("other" + Character.toUpperCase(slot.charAt(0)) + slot.substring(1),
                                other.getValue().get(Math.min(i, other.getValue().size() - 1)));
                    }
                }
            }
        }
    }

    /** The {@code which}-th slot of a numeric flavour (a receptor percentage): the record's value when the schema has it. */
    private void numeric(TemplateSet.Flavour flavour, int which, String drawn) {
        String slot = flavour.slots().get(which);
        String attributeName = flavour.attribute();
        if (attributeName == null || !schema.has(attributeName)) {
            slots.put(slot, drawn);
        } else if (!present(attributeName)) {
            unavailable.add(slot);
        } else {
            slots.put(slot, SpanMarks.flavour(number(attributeName), schema.indexOf(attributeName)));
        }
    }

    private void optional(String slot, String value) {
        if (value == null) {
            unavailable.add(slot);
        } else {
            slots.put(slot, value);
        }
    }

    private static String visibleNumber(String slot) {
        String n = SpanMarks.visible(slot).replace(',', '.').replace("<", "").strip();
        return n.isEmpty() ? "0" : n;
    }

    Attribute attribute(String name) {
        return schema.attribute(name);
    }

    Schema schema() {
        return schema;
    }

    ClinicalRecord record() {
        return record;
    }


    SplittableRandom vocabulary() {
        return vocabulary;
    }

    /** Whether the report is about the breast (the schema has attributes the templates know). */
    boolean breast() {
        return breast;
    }

    boolean present(String name) {
        return schema.has(name) && record.get(name) != null;
    }

    /** Whether a slot can be filled: false for flavour that would state a missing value, or a value not stated. */
    boolean available(String slot) {
        return !unavailable.contains(slot) && slots.containsKey(slot);
    }

    /** Canonical text of a value ("yes", "positive", "2", ...). */
    String text(String name) {
        return present(name) ? record.format(name) : null;
    }

    String number(String name) {
        return decimal(BigDecimal.valueOf(((Number) record.get(name)).doubleValue()));
    }

    /** Exact decimal text (no binary floating-point noise) with the language's separator. */
    String decimal(BigDecimal d) {
        String plain = d.stripTrailingZeros().toPlainString();
        return plain.replace('.', templates.decimalSeparator());
    }


    int index(String attribute) {
        return schema.indexOf(attribute);
    }

    /** The template rendered and marked as the phrase that states the attributes ({@code ⟦...⟧} narrows it). */
    String clause(String template, String... attributes) {
        if (template == null || template.isEmpty()) {
            return template;
        }
        return mark(render(template), attributes);
    }

    /** An already written phrase marked as stating the attributes ({@code ⟦...⟧} narrows it). */
    String mark(String phrase, String... attributes) {
        int[] indexes = new int[attributes.length];
        for (int i = 0; i < attributes.length; i++) {
            indexes[i] = schema.indexOf(attributes[i]);
        }
        return SpanMarks.stated(phrase, indexes);
    }

    String render(String template) {
        if (template == null) {
            return "";
        }
        if (template.indexOf('{') < 0) {
            return template;
        }
        List<String[]> parts = templates.parsed(template);
        StringBuilder sb = new StringBuilder(template.length() + 32);
        for (String[] part : parts) {
            if (part.length == 1) {
                sb.append(part[0]);
                continue;
            }
            String key = part[0];
            if (part.length == 3) {
                String count = slots.get(key);
                long n = count == null ? 2 : Long.parseLong(count);
                sb.append(templates.singular(n) ? part[1] : part[2]);
            } else {
                String value = slots.get(key);
                if (value == null || unavailable.contains(key)) {
                    throw new IllegalStateException("template slot {" + key + "} has no value in: " + template);
                }
                sb.append(value);
            }
        }
        return sb.toString();
    }
}
