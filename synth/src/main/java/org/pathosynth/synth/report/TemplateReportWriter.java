package org.pathosynth.synth.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.core.report.Provenance;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;

/**
 * An offline report writer: turns a record into a plausible French or English pathology report,
 * as narrative prose or as a structured "compte rendu fixe", with wording varied by the request's
 * seed. Every present value is stated; missing values are simply not mentioned. Attributes the
 * templates do not know are written as "label : value" with the schema's labels, so any schema works.
 */
public final class TemplateReportWriter implements ReportGenerator {
    public static final String NAME = "template";
    static final String TEMPLATE_VERSION = "1";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?:\\?([^|}]*)\\|([^}]*))?}");
    private static final int[] RECEPTOR_PERCENTS = {10, 15, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100};

    private final Schema schema;
    private final TemplateSet templates;
    private final List<ReportStyle> styles;

    private TemplateReportWriter(Builder b) {
        this.schema = Objects.requireNonNull(b.schema, "schema");
        this.templates = TemplateSet.load(b.language);
        this.styles = List.copyOf(b.styles);
        if (styles.isEmpty()) {
            throw new IllegalArgumentException("at least one report style is needed");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    public String language() {
        return templates.language();
    }

    @Override
    public Report generate(GenerationRequest request) {
        ClinicalRecord record = request.record();
        if (!record.schema().name().equals(schema.name())) {
            throw new IllegalArgumentException("record schema '" + record.schema().name() + "' is not the writer's '" + schema.name() + "'");
        }
        SplittableRandom rng = new SplittableRandom(request.seed());
        ReportStyle style = styles.get(rng.nextInt(styles.size()));
        Values values = new Values(record, rng);
        String text = style == ReportStyle.PROSE ? prose(values, rng) : structured(values, rng);
        Provenance provenance = Provenance.of(NAME)
                .with("style", style.name().toLowerCase(java.util.Locale.ROOT))
                .with("template_version", TEMPLATE_VERSION)
                .with("seed", request.seed());
        return new Report(request.id(), text, templates.language(), provenance);
    }

    private String prose(Values v, SplittableRandom rng) {
        JsonNode clauses = templates.node("prose", "clauses");
        List<String> sentences = new ArrayList<>();
        String title = templates.pick(rng, "prose", "titles");

        String test = v.text("test_used_for_diagnosis");
        String specimen = test == null ? templates.pick(rng, "prose", "specimenUnknown")
                : templates.pickValue(rng, templates.node("prose", "specimen"), test);
        addSentence(sentences, v.render(specimen));

        List<String> tumour = new ArrayList<>();
        if (v.present("morphology_icdo")) {
            tumour.add(templates.pick(rng, "prose", "morphologyPrefix")
                    + v.render(templates.pickValue(rng, clauses.path("morphology_icdo"), "*")));
        } else if (v.present("sbr_grade") || v.present("tumor_size_mm")) {
            tumour.add(templates.pick(rng, "prose", "tumourWithoutMorphology"));
        }
        for (String a : List.of("sbr_grade", "tumor_size_mm")) {
            if (v.present(a)) {
                tumour.add(v.render(templates.pickValue(rng, clauses.path(a), "*")));
            }
        }
        addSentence(sentences, String.join(", ", tumour));

        List<String> local = new ArrayList<>();
        for (String a : List.of("clear_margins", "lymphovascular_invasion")) {
            if (v.present(a)) {
                local.add(v.render(templates.pickValue(rng, clauses.path(a), v.text(a))));
            }
        }
        if (local.size() == 2 && rng.nextBoolean()) {
            java.util.Collections.reverse(local);
        }
        local.forEach(s -> addSentence(sentences, s));

        List<String> nodes = new ArrayList<>();
        boolean taken = v.present("lymph_nodes_taken");
        boolean affected = v.present("lymph_nodes_affected");
        if (taken || affected) {
            String key = taken && affected ? "nodes_both" : taken ? "nodes_taken" : "nodes_affected";
            nodes.add(v.render(templates.pickValue(rng, clauses.path(key), "*")));
        }
        if (v.present("extracapsular_spread")) {
            nodes.add(v.render(templates.pickValue(rng, clauses.path("extracapsular_spread"), v.text("extracapsular_spread"))));
        }
        addSentence(sentences, String.join(", ", nodes));

        List<String> markers = new ArrayList<>();
        for (String a : List.of("er_status", "pr_status")) {
            if (v.present(a)) {
                markers.add(v.render(templates.pickValue(rng, clauses.path(a), v.text(a))));
            }
        }
        String receptors = markers.isEmpty() ? "" : templates.pick(rng, "prose", "receptorsPrefix") + String.join(", ", markers);
        List<String> others = new ArrayList<>();
        for (String a : List.of("her2_status", "ki67_percent")) {
            if (v.present(a)) {
                others.add(v.render(templates.pickValue(rng, clauses.path(a), v.attribute(a).kind().isCoded() ? v.text(a) : "*")));
            }
        }
        if (!receptors.isEmpty() && rng.nextBoolean()) {
            List<String> joined = new ArrayList<>();
            joined.add(receptors);
            joined.addAll(others);
            addSentence(sentences, String.join(" ; ", joined));
        } else {
            addSentence(sentences, receptors);
            others.forEach(s -> addSentence(sentences, s));
        }
        for (String line : v.untemplated(templates.language())) {
            addSentence(sentences, line);
        }

        StringBuilder out = new StringBuilder();
        if (title != null && !title.isEmpty()) {
            out.append(title).append('\n');
        }
        out.append(String.join(rng.nextInt(3) == 0 ? "\n" : " ", sentences));
        return out.toString().strip();
    }

    private String structured(Values v, SplittableRandom rng) {
        List<String> lines = new ArrayList<>();
        String title = templates.pick(rng, "structured", "titles");
        if (title != null && !title.isEmpty()) {
            lines.add(v.render(title));
        }
        String separator = templates.pick(rng, "structured", "separators");
        JsonNode labels = templates.node("structured", "labels");
        JsonNode valueTemplates = templates.node("structured", "values");
        for (Attribute a : schema.attributes()) {
            if (!v.present(a.name())) {
                continue;
            }
            String label = TemplateSet.pick(labels.path(a.name()), rng);
            String value = templates.pickValue(rng, valueTemplates.path(a.name()), a.kind().isCoded() ? v.text(a.name()) : "*");
            if (label == null || value == null) {
                label = a.label(templates.language());
                value = a.kind().isCoded() ? a.valueLabel(v.text(a.name()), templates.language()) : v.number(a.name());
            }
            lines.add(label + separator + v.render(value));
        }
        return String.join("\n", lines);
    }

    private static void addSentence(List<String> sentences, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String s = text.strip();
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        if (!s.endsWith(".") && !s.endsWith(":")) {
            s = s + ".";
        }
        sentences.add(s);
    }

    /** A record's values prepared for the templates, with the random choices made once per report. */
    private final class Values {
        private final ClinicalRecord record;
        private final Map<String, String> slots = new HashMap<>();

        Values(ClinicalRecord record, SplittableRandom rng) {
            this.record = record;
            String[] side = templates.side(rng);
            slots.put("side", side[0]);
            slots.put("sideFem", side[1]);
            slots.put("pct", Integer.toString(RECEPTOR_PERCENTS[rng.nextInt(RECEPTOR_PERCENTS.length)]));
            slots.put("pctNeg", rng.nextBoolean() ? "0" : "< 1");
            if (present("morphology_icdo")) {
                String code = text("morphology_icdo");
                slots.put("code", code);
                slots.put("label", attribute("morphology_icdo").valueLabel(code, templates.language()));
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
            }
            if (present("tumor_size_mm")) {
                double mm = record.getDouble("tumor_size_mm");
                slots.put("mm", decimal(BigDecimal.valueOf(mm)));
                slots.put("cm", decimal(BigDecimal.valueOf(mm).movePointLeft(1)));
            }
            if (present("ki67_percent")) {
                slots.put("ki67", number("ki67_percent"));
            }
            for (String[] n : new String[][] {{"lymph_nodes_taken", "taken"}, {"lymph_nodes_affected", "affected"}}) {
                if (present(n[0])) {
                    int count = record.getInteger(n[0]);
                    slots.put(n[1], Integer.toString(count));
                    slots.put(n[1] + "Word", templates.numberWord(count));
                }
            }
        }

        Attribute attribute(String name) {
            return schema.attribute(name);
        }

        boolean present(String name) {
            return schema.has(name) && record.get(name) != null;
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

        /** Lines for present attributes the templates do not cover (other schemas). */
        List<String> untemplated(String language) {
            List<String> lines = new ArrayList<>();
            JsonNode templated = templates.node("structured", "labels");
            for (Attribute a : schema.attributes()) {
                if (!templated.has(a.name()) && present(a.name())) {
                    String value = a.kind().isCoded() ? a.valueLabel(text(a.name()), language) : number(a.name());
                    lines.add(a.label(language) + " : " + value + (a.unit() == null || a.kind().isCoded() ? "" : " " + a.unit()));
                }
            }
            return lines;
        }

        String render(String template) {
            if (template == null) {
                return "";
            }
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String key = m.group(1);
                String replacement;
                if (m.group(2) != null) {
                    String count = slots.get(key);
                    long n = count == null ? 2 : Long.parseLong(count);
                    replacement = templates.singular(n) ? m.group(2) : m.group(3);
                } else {
                    replacement = slots.get(key);
                    if (replacement == null) {
                        throw new IllegalStateException("template slot {" + key + "} has no value in: " + template);
                    }
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(sb);
            return sb.toString();
        }
    }

    /** Configures the writer: schema (default breast-cancer), language (fr or en), styles (default both). */
    public static final class Builder {
        private Schema schema = Schema.breastCancer();
        private String language = "fr";
        private Set<ReportStyle> styles = EnumSet.allOf(ReportStyle.class);

        public Builder schema(Schema schema) {
            this.schema = schema;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder styles(ReportStyle first, ReportStyle... more) {
            this.styles = EnumSet.of(first, more);
            return this;
        }

        public TemplateReportWriter build() {
            return new TemplateReportWriter(this);
        }
    }
}
