package org.pathosynth.synth.copula;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.PrivacyGuarantee;
import org.pathosynth.synth.internal.model.FittedModel;
import org.pathosynth.synth.internal.model.ModelJson;
import org.pathosynth.synth.internal.model.RowConstraints;

/**
 * A fitted Gaussian copula: per-variable marginals and the correlation of normal scores (with its
 * Cholesky factor). Immutable, so sampling is thread-safe; {@link #toJson()} / {@link #fromJson(String)}
 * save and load it. The saved model holds per-column value distributions and correlations, no rows.
 */
public final class GaussianCopulaModel extends FittedModel {
    private static final int MAX_REDRAWS = 100;
    private static final PrivacyGuarantee PRIVACY =
            PrivacyGuarantee.none("Gaussian copula: marginals and correlations are learned without noise; no differential privacy");

    private final MarginalFamily family;
    private final List<CopulaVariable> variables;
    private final double[][] correlation;
    private final double[][] factor;
    private final boolean enforceConstraints;
    private final int[] codeVariable;
    private final int[] valueVariable;
    private final int[] flagVariable;
    private final RowConstraints constraints;

    GaussianCopulaModel(Schema schema, MarginalFamily family, List<CopulaVariable> variables, double[][] correlation,
                        double[][] factor, boolean enforceConstraints, ArtifactProvenance provenance) {
        super(GaussianCopulaSynthesizer.NAME, schema, PRIVACY, provenance);
        this.family = family;
        this.variables = List.copyOf(variables);
        this.correlation = correlation;
        this.factor = factor;
        this.enforceConstraints = enforceConstraints;
        codeVariable = new int[schema.size()];
        valueVariable = new int[schema.size()];
        flagVariable = new int[schema.size()];
        Arrays.fill(codeVariable, -1);
        Arrays.fill(valueVariable, -1);
        Arrays.fill(flagVariable, -1);
        for (int j = 0; j < variables.size(); j++) {
            CopulaVariable v = variables.get(j);
            switch (v.role()) {
                case CODE -> codeVariable[v.attribute()] = j;
                case VALUE -> valueVariable[v.attribute()] = j;
                case MISSING_FLAG -> flagVariable[v.attribute()] = j;
            }
        }
        constraints = RowConstraints.of(schema);
    }

    @Override
    protected void draw(int n, SplittableRandom rng, Table.Builder out) {
        int p = variables.size();
        double[] g = new double[p];
        double[] z = new double[p];
        double[] row = new double[schema().size()];
        for (int r = 0; r < n; r++) {
            for (int attempt = 0; ; attempt++) {
                for (int j = 0; j < p; j++) {
                    g[j] = rng.nextGaussian();
                }
                for (int a = 0; a < p; a++) {
                    double s = 0;
                    double[] l = factor[a];
                    for (int b = 0; b <= a; b++) {
                        s += l[b] * g[b];
                    }
                    z[a] = s;
                }
                decode(z, row);
                if (!enforceConstraints || constraints.satisfied(row)) {
                    break;
                }
                if (attempt >= MAX_REDRAWS) {
                    constraints.clamp(row);
                    break;
                }
            }
            out.addEncoded(row);
        }
    }

    private void decode(double[] z, double[] row) {
        for (int c = 0; c < schema().size(); c++) {
            Attribute a = schema().attribute(c);
            int observed = codeVariable[c] >= 0 ? codeVariable[c] : valueVariable[c];
            boolean missing = observed < 0 || (flagVariable[c] >= 0 && value(flagVariable[c], z) >= 1);
            if (missing) {
                row[c] = Double.NaN;
                continue;
            }
            if (codeVariable[c] >= 0) {
                row[c] = value(codeVariable[c], z);
                continue;
            }
            double x = value(valueVariable[c], z);
            x = a.round(variables.get(valueVariable[c]).round(x));
            if (a.min() != null) {
                x = Math.max(a.min(), x);
            }
            if (a.max() != null) {
                x = Math.min(a.max(), x);
            }
            row[c] = x;
        }
    }

    private double value(int variable, double[] z) {
        return variables.get(variable).marginal().fromUniform(GaussianCopulaSynthesizer.clip(StandardNormal.cdf(z[variable])));
    }

    /** The correlation matrix of the normal scores (a copy). */
    public double[][] correlation() {
        double[][] copy = new double[correlation.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = correlation[i].clone();
        }
        return copy;
    }

    /** Per variable: "attribute:role=family", e.g. "tumor_size_mm:VALUE=empirical-interpolated". */
    @Override
    public java.util.Map<String, Object> details() {
        return java.util.Map.of("marginals", describe());
    }

    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (CopulaVariable v : variables) {
            out.add(schema().attribute(v.attribute()).name() + ":" + v.role() + "=" + v.marginal().family());
        }
        return out;
    }

    /**
     * A form of this model to ship: no value of any attribute that fewer than {@code k} patients share can be read
     * from it (numbers merged with their neighbours into groups of at least {@code k}, stated by their mean; rare codes
     * dropped, so samples never contain them). Correlations and missing-value rates are kept, and the training
     * table's fingerprint is not. Not differential privacy: k-anonymity of the stored values only, and the provenance
     * says so ({@code shareable_k}).
     */
    public GaussianCopulaModel shareable(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2, got " + k);
        }
        List<CopulaVariable> coarse = new ArrayList<>();
        for (CopulaVariable v : variables) {
            if (v.marginal() instanceof EmpiricalMarginal e && v.role() != CopulaVariable.Role.MISSING_FLAG) {
                EmpiricalMarginal c = e.coarsened(k, v.role() == CopulaVariable.Role.CODE);
                if (c == null) {
                    throw new IllegalArgumentException("attribute '" + schema().attribute(v.attribute()).name() + "': no value is shared by "
                            + k + " patients, so a shareable model cannot keep it; leave it out or lower k");
                }
                coarse.add(new CopulaVariable(v.attribute(), v.role(), c, v.digits()));
            } else {
                coarse.add(v); // parametric marginals and missing flags hold no single patient's value
            }
        }
        // no fingerprint of the table: with every row but one, a hash lets candidates for the last be recognised
        return new GaussianCopulaModel(schema(), family, coarse, correlation, factor, enforceConstraints,
                provenance().withParameter("shareable_k", k).withInput(null));
    }

    /** The model with its provenance: per-column value distributions and correlations, no rows. */
    @Override
    public String toJson() {
        ObjectNode root = ModelJson.document(GaussianCopulaSynthesizer.NAME, provenance(), schema());
        root.put("marginals", family.name().toLowerCase(java.util.Locale.ROOT));
        root.put("enforce_constraints", enforceConstraints);
        Object k = provenance().parameters().get("shareable_k");
        root.put("contents", k == null
                ? "per attribute, the distinct values observed and their cumulative frequencies (a value may be a single patient's), "
                        + "missing-value rates and the correlation matrix; no row"
                : "per attribute, values shared by at least " + k + " patients (rarer numbers merged with their neighbours and stated "
                        + "by the group's mean, rarer codes dropped) with cumulative frequencies, missing-value rates and the "
                        + "correlation matrix; no row; not differential privacy");
        ArrayNode vars = root.putArray("variables");
        for (CopulaVariable v : variables) {
            ObjectNode n = vars.addObject();
            n.put("attribute", schema().attribute(v.attribute()).name());
            n.put("role", v.role().name());
            n.put("family", v.marginal().family());
            if (v.digits() != null) {
                n.put("digits", v.digits());
            }
            if (v.marginal() instanceof EmpiricalMarginal e) {
                ModelJson.putDoubles(n, "values", e.values());
                ModelJson.putDoubles(n, "cumulative", e.cumulative());
                if (e.observations() > 0) {
                    n.put("observations", e.observations());
                }
            } else {
                ModelJson.putDoubles(n, "parameters", ((ParametricMarginal) v.marginal()).parameters());
            }
        }
        ArrayNode corr = root.putArray("correlation");
        for (double[] row : correlation) {
            ArrayNode r = corr.addArray();
            Arrays.stream(row).forEach(r::add);
        }
        return ModelJson.write(root);
    }

    /** Loads a model saved by {@link #toJson()} (or by a version without provenance). */
    public static GaussianCopulaModel fromJson(String json) {
        return load(ModelJson.read(json, GaussianCopulaSynthesizer.NAME, "a Gaussian copula"));
    }

    static GaussianCopulaModel load(JsonNode document) {
        JsonNode root = ModelJson.check(document, GaussianCopulaSynthesizer.NAME, "a Gaussian copula");
        Schema schema = ModelJson.schema(root);
        {
            List<CopulaVariable> variables = new ArrayList<>();
            for (JsonNode n : root.get("variables")) {
                String familyName = n.get("family").asText();
                Marginal m = familyName.startsWith("empirical")
                        ? new EmpiricalMarginal(ModelJson.doubles(n.get("values")), ModelJson.doubles(n.get("cumulative")),
                                familyName.equals("empirical-interpolated"), n.path("observations").asLong(0))
                        : new ParametricMarginal(familyName, ModelJson.doubles(n.get("parameters")));
                variables.add(new CopulaVariable(schema.indexOf(n.get("attribute").asText()),
                        CopulaVariable.Role.valueOf(n.get("role").asText()), m, n.hasNonNull("digits") ? n.get("digits").asInt() : null));
            }
            double[][] correlation = new double[root.get("correlation").size()][];
            for (int i = 0; i < correlation.length; i++) {
                correlation[i] = ModelJson.doubles(root.get("correlation").get(i));
            }
            return new GaussianCopulaModel(schema, MarginalFamily.valueOf(root.get("marginals").asText().toUpperCase(java.util.Locale.ROOT)),
                    variables, correlation, GaussianCopulaSynthesizer.cholesky(correlation), root.get("enforce_constraints").asBoolean(),
                    ModelJson.provenance(root, GaussianCopulaSynthesizer.NAME));
        }
    }
}
