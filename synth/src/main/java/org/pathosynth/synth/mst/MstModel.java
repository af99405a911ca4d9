package org.pathosynth.synth.mst;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.pathosynth.synth.internal.dp.AttributeBins;
import org.pathosynth.synth.internal.dp.BinInterior;
import org.pathosynth.synth.internal.dp.CompressedDomain;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.PrivacyGuarantee;
import org.pathosynth.synth.internal.model.FittedModel;
import org.pathosynth.synth.internal.model.ModelJson;
import org.pathosynth.synth.internal.model.RowConstraints;

/**
 * A fitted MST model: compressed domains, the selected tree and its noisy, fitted marginals. Every
 * part is differentially private (post-processing of the measurements), so the saved JSON can leave
 * the hospital; sampling from it spends no further budget.
 */
public final class MstModel extends FittedModel {
    private final int[] modelled; // schema index of each modelled attribute
    private final int numericBins;
    private final AttributeBins[] bins;
    private final CompressedDomain[] domains;
    private final BinInterior[] interiors; // null where the attribute has no histogram of exact values
    private final TreeModel model;
    private final ZcdpBudget budget;
    private final boolean enforceConstraints;
    private final RowConstraints constraints;

    MstModel(Schema schema, int[] modelled, int numericBins, CompressedDomain[] domains, BinInterior[] interiors,
             TreeModel model, ZcdpBudget budget,
             boolean enforceConstraints, ArtifactProvenance provenance) {
        super(MstSynthesizer.NAME, schema, privacy(budget, schema, modelled), provenance);
        this.modelled = modelled.clone();
        this.numericBins = numericBins;
        this.domains = domains;
        this.interiors = interiors.clone();
        this.model = model;
        this.budget = budget;
        this.enforceConstraints = enforceConstraints;
        bins = new AttributeBins[modelled.length];
        for (int a = 0; a < bins.length; a++) {
            bins[a] = AttributeBins.of(schema.attribute(modelled[a]), numericBins, "MST");
        }
        constraints = RowConstraints.of(schema);
    }

    @Override
    protected void draw(int n, SplittableRandom rng, Table.Builder out) {
        int[][] cells = model.sample(n, rng);
        double[] row = new double[schema().size()];
        for (int r = 0; r < n; r++) {
            java.util.Arrays.fill(row, Double.NaN);
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
    private static PrivacyGuarantee privacy(ZcdpBudget budget, Schema schema, int[] modelled) {
        java.util.List<String> names = java.util.Arrays.stream(modelled).mapToObj(i -> schema.attribute(i).name()).toList();
        return org.pathosynth.core.synthesis.DataDomains.disclosed(privacy(budget),
                schema.dataDerived().stream().filter(names::contains).toList());
    }

    private static PrivacyGuarantee privacy(ZcdpBudget budget) {
        return new PrivacyGuarantee(budget.epsilon(), budget.delta(), "MST (zCDP, Gaussian measurements + exponential mechanism)",
                String.format(Locale.ROOT, "(%.4g, %.3g)-differential privacy via %.6g-zCDP; noise std %.4g (1-way%s), %.4g (2-way)",
                        budget.epsilon(), budget.delta(), budget.rho(), budget.oneWayNoise(),
                        budget.histograms() == 0 ? "" : " and " + budget.histograms() + " histogram(s) of exact values",
                        budget.twoWayNoise()));
    }

    @Override
    public java.util.Map<String, Object> details() {
        java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("rho", rho());
        d.put("tree", edges());
        d.put("value_histograms", valueHistograms());
        d.put("estimated_real_rows", estimatedTotal());
        return d;
    }

    public double rho() {
        return budget.rho();
    }

    /** The selected tree as attribute-name pairs (child, parent). */
    public List<List<String>> edges() {
        List<List<String>> out = new ArrayList<>();
        for (int[] e : model.edges) {
            out.add(List.of(schema().attribute(modelled[e[0]]).name(), schema().attribute(modelled[e[1]]).name()));
        }
        return out;
    }

    /** The attributes whose bins are decoded by a noisy histogram of their exact values. */
    public List<String> valueHistograms() {
        return BinInterior.attributesWith(interiors, schema(), modelled);
    }

    /** The estimated (noisy) number of real rows. */
    public double estimatedTotal() {
        return model.total;
    }

    /** The model with its provenance; the guarantee is in the provenance, its accounting in "budget". */
    @Override
    public String toJson() {
        ObjectNode root = ModelJson.document(MstSynthesizer.NAME, provenance(), schema());
        ObjectNode b = root.putObject("budget");
        b.put("epsilon", budget.epsilon());
        b.put("delta", budget.delta());
        b.put("rho", budget.rho());
        Arrays.stream(budget.split()).forEach(b.putArray("split")::add);
        b.put("histograms", budget.histograms());
        root.put("numeric_bins", numericBins);
        root.put("enforce_constraints", enforceConstraints);
        root.put("total", model.total);
        ArrayNode names = root.putArray("modelled_attributes");
        Arrays.stream(modelled).forEach(i -> names.add(schema().attribute(i).name()));
        ArrayNode doms = root.putArray("domains");
        for (CompressedDomain c : domains) {
            c.writeTo(doms);
        }
        BinInterior.writeAll(root, interiors);
        ArrayNode edges = root.putArray("edges");
        for (int e = 0; e < model.edges.length; e++) {
            ObjectNode n = edges.addObject();
            n.put("child", model.edges[e][0]);
            n.put("parent", model.edges[e][1]);
            ModelJson.putDoubles(n, "marginal", model.marginals[e]);
        }
        ArrayNode singles = root.putArray("attribute_marginals"); // attributes in no edge; null for the others
        for (double[] x : model.singles) {
            if (x == null) {
                singles.addNull();
            } else {
                Arrays.stream(x).forEach(singles.addArray()::add);
            }
        }
        return ModelJson.write(root);
    }

    /** Loads a model saved by {@link #toJson()} (or by a version without provenance). */
    public static MstModel fromJson(String json) {
        return load(ModelJson.read(json, MstSynthesizer.NAME, "an MST"));
    }

    static MstModel load(JsonNode document) {
        JsonNode root = ModelJson.check(document, MstSynthesizer.NAME, "an MST");
        Schema schema = ModelJson.schema(root);
        {
            int[] modelled = new int[root.get("modelled_attributes").size()];
            for (int i = 0; i < modelled.length; i++) {
                modelled[i] = schema.indexOf(root.get("modelled_attributes").get(i).asText());
            }
            int d = modelled.length;
            CompressedDomain[] domains = new CompressedDomain[d];
            int[] sizes = new int[d];
            for (int a = 0; a < d; a++) {
                domains[a] = CompressedDomain.read(root.get("domains").get(a));
                sizes[a] = domains[a].size();
            }
            JsonNode edgesNode = root.get("edges");
            int[][] edges = new int[edgesNode.size()][];
            double[][] marginals = new double[edgesNode.size()][];
            for (int e = 0; e < edges.length; e++) {
                JsonNode n = edgesNode.get(e);
                edges[e] = new int[] {n.get("child").asInt(), n.get("parent").asInt()};
                marginals[e] = ModelJson.doubles(n.get("marginal"));
            }
            double[][] singles = new double[d][];
            for (int a = 0; a < d; a++) {
                JsonNode x = root.get("attribute_marginals").get(a);
                singles[a] = x.isNull() ? null : ModelJson.doubles(x);
            }
            JsonNode p = root.has("budget") ? root.get("budget") : root.get("privacy"); // "privacy" before format 2
            ZcdpBudget budget = ZcdpBudget.of(p.get("epsilon").asDouble(), p.get("delta").asDouble(), d, ModelJson.doubles(p.get("split")));
            for (int h = p.has("histograms") ? p.get("histograms").asInt() : 0; h > 0; h--) {
                budget = budget.withHistogram();
            }
            int numericBins = root.get("numeric_bins").asInt();
            AttributeBins[] bins = new AttributeBins[d];
            for (int a = 0; a < d; a++) {
                bins[a] = AttributeBins.of(schema.attribute(modelled[a]), numericBins, "MST");
            }
            BinInterior[] interiors = BinInterior.readAll(root, bins);
            return new MstModel(schema, modelled, numericBins, domains, interiors,
                    new TreeModel(sizes, edges, root.get("total").asDouble(), marginals, singles), budget, root.get("enforce_constraints").asBoolean(),
                    ModelJson.provenance(root, MstSynthesizer.NAME));
        }
    }
}
