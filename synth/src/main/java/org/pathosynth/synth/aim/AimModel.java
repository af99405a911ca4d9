package org.pathosynth.synth.aim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.DataDomains;
import org.pathosynth.core.synthesis.PrivacyGuarantee;
import org.pathosynth.synth.internal.dp.AttributeBins;
import org.pathosynth.synth.internal.dp.BinInterior;
import org.pathosynth.synth.internal.dp.CompressedDomain;
import org.pathosynth.synth.internal.model.FittedModel;
import org.pathosynth.synth.internal.model.ModelJson;
import org.pathosynth.synth.internal.model.RowConstraints;
import org.pathosynth.synth.internal.pgm.MirrorDescent;

/**
 * A fitted AIM model: the measured attribute sets and the log-potentials mirror descent fitted to their noisy
 * marginals, with the estimated row count. Every part is post-processing of the noisy measurements, so the saved JSON
 * is covered by the guarantee; sampling spends no further budget and is thread-safe.
 */
public final class AimModel extends FittedModel {
    private final int[] modelled; // schema index of each modelled attribute
    private final int numericBins;
    private final AttributeBins[] bins;
    private final CompressedDomain[] domains;
    private final BinInterior[] interiors; // null where the attribute has no histogram of exact values
    private final MirrorDescent.Fit fit;
    private final List<int[]> selected;
    private final List<Boolean> onGroups; // whether each selected marginal was measured on coarser groups of cells
    private final AimBudget budget;
    private final boolean enforceConstraints;
    private final RowConstraints constraints;

    /** @param fit the measured sets, their potentials and the model calibrated from them */
    AimModel(Schema schema, int[] modelled, int numericBins, CompressedDomain[] domains, BinInterior[] interiors,
             MirrorDescent.Fit fit, List<int[]> selected, List<Boolean> onGroups,
             AimBudget budget, boolean enforceConstraints, ArtifactProvenance provenance) {
        super(AimSynthesizer.NAME, schema, privacy(budget, schema, modelled,
                (int) Arrays.stream(interiors).filter(java.util.Objects::nonNull).count()), provenance);
        this.modelled = modelled.clone();
        this.numericBins = numericBins;
        this.domains = domains.clone();
        this.interiors = interiors.clone();
        this.fit = fit;
        this.selected = List.copyOf(selected);
        this.onGroups = List.copyOf(onGroups);
        this.budget = budget;
        this.enforceConstraints = enforceConstraints;
        bins = new AttributeBins[modelled.length];
        for (int a = 0; a < bins.length; a++) {
            bins[a] = AttributeBins.of(schema.attribute(modelled[a]), numericBins, "AIM");
        }
        constraints = RowConstraints.of(schema);
    }

    @Override
    protected void draw(int n, SplittableRandom rng, Table.Builder out) {
        int[][] cells = fit.model().sample(n, rng);
        double[] row = new double[schema().size()];
        for (int r = 0; r < n; r++) {
            Arrays.fill(row, Double.NaN);
            for (int a = 0; a < modelled.length; a++) {
                row[modelled[a]] = BinInterior.decode(interiors[a], bins[a], domains[a].backward(cells[a][r], rng), rng);
            }
            if (enforceConstraints) {
                constraints.clamp(row);
            }
            out.addEncoded(row);
        }
    }

    /** The guarantee, saying it does not cover the modelled domains read from the data (the saved schema keeps which). */
    private static PrivacyGuarantee privacy(AimBudget budget, Schema schema, int[] modelled, int histograms) {
        List<String> names = Arrays.stream(modelled).mapToObj(i -> schema.attribute(i).name()).toList();
        PrivacyGuarantee g = new PrivacyGuarantee(budget.epsilonSpent(), budget.delta(),
                "AIM (zCDP, Gaussian measurements + exponential mechanism)",
                String.format(Locale.ROOT, "(%.4g, %.3g)-differential privacy via %.6g-zCDP (%.4g requested, ρ = %.6g): %d adaptive "
                                + "rounds after the 1-way marginals%s, noise std %.4g to %.4g per cell; bins from the schema's public bounds",
                        budget.epsilonSpent(), budget.delta(), budget.rhoUsed(), budget.epsilonRequested(), budget.rho(),
                        budget.rounds(), histograms == 0 ? "" : " and " + histograms + " histogram(s) of exact values",
                        budget.largestNoise(), budget.smallestNoise()));
        return DataDomains.disclosed(g, schema.dataDerived().stream().filter(names::contains).toList());
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rho", budget.rho());
        d.put("rho_used", budget.rhoUsed());
        d.put("epsilon_spent", budget.epsilonSpent());
        d.put("rounds", budget.rounds());
        d.put("measured", measured());
        d.put("measured_on_groups", measuredOnGroups());
        d.put("value_histograms", valueHistograms());
        d.put("estimated_real_rows", fit.model().total());
        return d;
    }

    /** The marginals chosen in the adaptive rounds, in order, as attribute names. */
    public List<List<String>> measured() {
        List<List<String>> out = new ArrayList<>();
        for (int[] s : selected) {
            out.add(Arrays.stream(s).mapToObj(a -> schema().attribute(modelled[a]).name()).toList());
        }
        return out;
    }

    /** The marginals among {@link #measured()} that were measured on coarser groups of cells, in order. */
    public List<List<String>> measuredOnGroups() {
        List<List<String>> all = measured();
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (onGroups.get(i)) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    /** The zCDP ρ the fit used, never more than its budget's. */
    public double rhoUsed() {
        return budget.rhoUsed();
    }

    /** The zCDP budget ρ that (ε, δ) allowed. */
    public double rho() {
        return budget.rho();
    }

    /** The attributes whose bins are decoded by a noisy histogram of their exact values. */
    public List<String> valueHistograms() {
        return BinInterior.attributesWith(interiors, schema(), modelled);
    }

    /** The estimated (noisy) number of real rows. */
    public double estimatedTotal() {
        return fit.model().total();
    }

    /** The model with its provenance; the guarantee is in the provenance, its accounting in "budget". */
    @Override
    public String toJson() {
        ObjectNode root = ModelJson.document(AimSynthesizer.NAME, provenance(), schema());
        ObjectNode b = root.putObject("budget");
        b.put("epsilon_requested", budget.epsilonRequested());
        b.put("epsilon_spent", budget.epsilonSpent());
        b.put("delta", budget.delta());
        b.put("rho", budget.rho());
        b.put("rho_used", budget.rhoUsed());
        b.put("rounds", budget.rounds());
        b.put("largest_noise", budget.largestNoise());
        b.put("smallest_noise", budget.smallestNoise());
        root.put("numeric_bins", numericBins);
        root.put("enforce_constraints", enforceConstraints);
        root.put("total", fit.model().total());
        ArrayNode names = root.putArray("modelled_attributes");
        Arrays.stream(modelled).forEach(i -> names.add(schema().attribute(i).name()));
        ArrayNode doms = root.putArray("domains");
        for (CompressedDomain c : domains) {
            c.writeTo(doms);
        }
        BinInterior.writeAll(root, interiors);
        ArrayNode cl = root.putArray("cliques");
        for (int c = 0; c < fit.cliques().size(); c++) {
            ObjectNode n = cl.addObject();
            Arrays.stream(fit.cliques().get(c)).forEach(n.putArray("attributes")::add);
            ModelJson.putDoubles(n, "log_potential", fit.potentials()[c]);
        }
        ArrayNode sel = root.putArray("selected");
        for (int[] s : selected) {
            Arrays.stream(s).forEach(sel.addArray()::add);
        }
        onGroups.forEach(root.putArray("selected_on_groups")::add);
        return ModelJson.write(root);
    }

    /** Loads a model saved by {@link #toJson()}. */
    public static AimModel fromJson(String json) {
        return load(ModelJson.read(json, AimSynthesizer.NAME, "an AIM"));
    }

    static AimModel load(JsonNode document) {
        JsonNode root = ModelJson.check(document, AimSynthesizer.NAME, "an AIM");
        Schema schema = ModelJson.schema(root);
        int[] modelled = new int[root.get("modelled_attributes").size()];
        for (int i = 0; i < modelled.length; i++) {
            modelled[i] = schema.indexOf(root.get("modelled_attributes").get(i).asText());
        }
        CompressedDomain[] domains = new CompressedDomain[modelled.length];
        for (int a = 0; a < domains.length; a++) {
            domains[a] = CompressedDomain.read(root.get("domains").get(a));
        }
        List<int[]> cliques = new ArrayList<>();
        JsonNode cl = root.get("cliques");
        double[][] potentials = new double[cl.size()][];
        for (int c = 0; c < cl.size(); c++) {
            cliques.add(ints(cl.get(c).get("attributes")));
            potentials[c] = ModelJson.doubles(cl.get(c).get("log_potential"));
        }
        List<int[]> selected = new ArrayList<>();
        root.get("selected").forEach(s -> selected.add(ints(s)));
        List<Boolean> onGroups = new ArrayList<>(); // absent from models saved before pairs could be measured coarser
        selected.forEach(s -> onGroups.add(false));
        if (root.has("selected_on_groups")) {
            for (int i = 0; i < selected.size(); i++) {
                onGroups.set(i, root.get("selected_on_groups").get(i).asBoolean());
            }
        }
        JsonNode b = root.get("budget");
        AimBudget budget = new AimBudget(b.get("epsilon_requested").asDouble(), b.get("delta").asDouble(), b.get("rho").asDouble(),
                b.get("rho_used").asDouble(), b.get("epsilon_spent").asDouble(), b.get("rounds").asInt(),
                b.get("largest_noise").asDouble(), b.get("smallest_noise").asDouble());
        int[] domain = Arrays.stream(domains).mapToInt(CompressedDomain::size).toArray();
        MirrorDescent.Fit fit = new MirrorDescent.Fit(cliques, potentials,
                MirrorDescent.model(domain, cliques, potentials, root.get("total").asDouble()));
        int numericBins = root.get("numeric_bins").asInt();
        AttributeBins[] bins = new AttributeBins[modelled.length];
        for (int a = 0; a < bins.length; a++) {
            bins[a] = AttributeBins.of(schema.attribute(modelled[a]), numericBins, "AIM");
        }
        return new AimModel(schema, modelled, numericBins, domains, BinInterior.readAll(root, bins), fit, selected, onGroups, budget,
                root.get("enforce_constraints").asBoolean(), ModelJson.provenance(root, AimSynthesizer.NAME));
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
