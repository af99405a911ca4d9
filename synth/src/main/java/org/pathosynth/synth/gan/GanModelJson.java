package org.pathosynth.synth.gan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.provenance.ProvenanceJson;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.PrivacyGuarantee;
import org.pathosynth.synth.internal.model.ModelJson;
import org.pathosynth.synth.internal.nn.BatchNorm;
import org.pathosynth.synth.internal.nn.Parameter;

/** Saves and loads {@link GanModel}s: provenance (with the privacy spent), column encodings, generator architecture and weights. */
final class GanModelJson {
    private static final Set<String> NAMES = Set.of(CtganSynthesizer.NAME, PateGanSynthesizer.NAME, PateCtganSynthesizer.NAME);

    private GanModelJson() {
    }

    static String write(GanModel model) {
        ObjectNode root = ModelJson.document(model.synthesizerName(), model.provenance(), model.schema());
        root.put("batch", model.batch);
        root.put("conditions_by_log_frequency", model.conditions.logFrequency);
        ArrayNode losses = root.putArray("losses");
        for (double[] l : model.rawLosses()) {
            ArrayNode row = losses.addArray();
            for (double v : l) {
                row.add(v);
            }
        }
        ArrayNode columns = root.putArray("columns");
        DataTransformer t = model.transformer;
        for (int e = 0; e < t.encodings.size(); e++) {
            ObjectNode c = columns.addObject();
            c.put("attribute", t.schema.attribute(t.attributes[e]).name());
            if (t.encodings.get(e) instanceof ColumnEncoding.Discrete d) {
                ObjectNode n = c.putObject("discrete");
                putInts(n, "codes", d.codes());
                putInts(n, "frequencies", d.frequencies());
            } else {
                ColumnEncoding.Continuous k = (ColumnEncoding.Continuous) t.encodings.get(e);
                ObjectNode n = c.putObject("continuous");
                BayesianGaussianMixture m = k.mixture();
                ModelJson.putDoubles(n, "weights", m.weights());
                ModelJson.putDoubles(n, "means", m.means());
                ModelJson.putDoubles(n, "stds", m.stds());
                ModelJson.putDoubles(n, "log_weight_expectation", m.logWeightExpectation());
                ModelJson.putDoubles(n, "mean_precision", m.meanPrecision());
                ModelJson.putDoubles(n, "dof", m.dof());
                putInts(n, "valid", k.valid());
                n.put("mean", k.mean());
                n.put("missing_rate", k.missingRate());
                n.put("min", k.min());
                n.put("max", k.max());
            }
        }
        Generator g = model.generator;
        ObjectNode gen = root.putObject("generator");
        gen.put("latent", g.shape.latent());
        putInts(gen, "hidden", g.shape.hidden());
        gen.put("batch_norm", g.shape.batchNorm());
        ArrayNode params = gen.putArray("parameters");
        for (Parameter prm : g.net.parameters()) {
            ArrayNode a = params.addArray();
            for (double v : prm.value) {
                a.add(v);
            }
        }
        ArrayNode stats = gen.putArray("batch_norm_statistics");
        for (BatchNorm bn : g.batchNorms()) {
            ObjectNode s = stats.addObject();
            ModelJson.putDoubles(s, "running_mean", bn.runningMean);
            ModelJson.putDoubles(s, "running_var", bn.runningVar);
        }
        if (model.calibration != null) {
            // the noisy one-way counts sampled rows are brought to (covered by the guarantee: the budget paid for them)
            ArrayNode calibration = root.putArray("marginal_calibration");
            int[] attributes = model.calibration.attributes();
            for (int i = 0; i < attributes.length; i++) {
                ObjectNode c = calibration.addObject();
                c.put("attribute", model.schema().attribute(attributes[i]).name());
                ModelJson.putDoubles(c, "counts", model.calibration.counts(i));
                if (model.calibration.interior(i) != null) { // noisy too: the budget paid for it
                    model.calibration.interior(i).writeTo(c.putObject("value_histogram"));
                }
            }
        }
        return ModelJson.write(root);
    }

    static GanModel read(String json) {
        JsonNode root;
        try {
            root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("malformed GAN model JSON: " + e.getMessage(), e);
        }
        return read(root);
    }

    static GanModel read(JsonNode root) {
        String name = root == null ? "" : root.path("synthesizer").asText();
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("not a GAN model (ctgan, pategan or patectgan): synthesizer is '" + name + "'");
        }
        try {
            Schema schema = ModelJson.schema(root);
            List<Integer> attributes = new ArrayList<>();
            List<ColumnEncoding> encodings = new ArrayList<>();
            for (JsonNode c : root.get("columns")) {
                String attribute = c.get("attribute").asText();
                int a = schema.indexOf(attribute);
                attributes.add(a);
                if (c.has("discrete")) {
                    JsonNode d = c.get("discrete");
                    encodings.add(new ColumnEncoding.Discrete(ints(d.get("codes")), ints(d.get("frequencies"))));
                } else {
                    JsonNode k = c.get("continuous");
                    BayesianGaussianMixture m = new BayesianGaussianMixture(ModelJson.doubles(k.get("weights")),
                            ModelJson.doubles(k.get("means")), ModelJson.doubles(k.get("stds")),
                            ModelJson.doubles(k.get("log_weight_expectation")), ModelJson.doubles(k.get("mean_precision")),
                            ModelJson.doubles(k.get("dof")));
                    encodings.add(new ColumnEncoding.Continuous(m, ints(k.get("valid")), k.get("mean").asDouble(),
                            k.get("missing_rate").asDouble(), k.get("min").asDouble(), k.get("max").asDouble(), schema.attribute(a)));
                }
            }
            DataTransformer transformer = new DataTransformer(schema, attributes.stream().mapToInt(Integer::intValue).toArray(), encodings);
            ConditionalSampler conditions = ConditionalSampler.of(transformer, null, root.get("conditions_by_log_frequency").asBoolean());
            JsonNode gen = root.get("generator");
            Generator.Shape shape = new Generator.Shape(gen.get("latent").asInt(), ints(gen.get("hidden")), gen.get("batch_norm").asBoolean());
            Generator generator = new Generator(shape, transformer, conditions.width, new SplittableRandom(0));
            List<Parameter> params = generator.net.parameters();
            JsonNode saved = gen.get("parameters");
            if (saved.size() != params.size()) {
                throw new IllegalArgumentException("generator has " + params.size() + " parameter arrays, the file " + saved.size());
            }
            for (int i = 0; i < params.size(); i++) {
                double[] v = ModelJson.doubles(saved.get(i));
                if (v.length != params.get(i).value.length) {
                    throw new IllegalArgumentException("generator parameter " + i + " has " + params.get(i).value.length
                            + " values, the file " + v.length);
                }
                System.arraycopy(v, 0, params.get(i).value, 0, v.length);
                params.get(i).changed();
            }
            List<BatchNorm> norms = generator.batchNorms();
            JsonNode stats = gen.get("batch_norm_statistics");
            for (int i = 0; i < norms.size(); i++) {
                System.arraycopy(ModelJson.doubles(stats.get(i).get("running_mean")), 0, norms.get(i).runningMean, 0, norms.get(i).width);
                System.arraycopy(ModelJson.doubles(stats.get(i).get("running_var")), 0, norms.get(i).runningVar, 0, norms.get(i).width);
            }
            ArtifactProvenance provenance = ModelJson.provenance(root, name);
            // before format 2 the guarantee had a field of its own
            PrivacyGuarantee privacy = provenance.privacy() != null ? provenance.privacy() : ProvenanceJson.privacyFromJson(root.get("privacy"));
            JsonNode l = root.get("losses");
            double[][] losses = new double[l.size()][];
            for (int i = 0; i < losses.length; i++) {
                losses[i] = ModelJson.doubles(l.get(i));
            }
            return new GanModel(name, schema, transformer, conditions, generator, root.get("batch").asInt(), losses, privacy, provenance,
                    calibration(root.get("marginal_calibration"), schema));
        } catch (NullPointerException e) {
            throw new IllegalArgumentException("incomplete " + name + " model JSON: a required field is missing", e);
        }
    }

    /** The calibration a model was saved with; null when it has none (CTGAN, or saved before calibration existed). */
    private static MarginalCalibration calibration(JsonNode saved, Schema schema) {
        if (saved == null) {
            return null;
        }
        int[] attributes = new int[saved.size()];
        double[][] counts = new double[saved.size()][];
        org.pathosynth.synth.internal.dp.BinInterior[] interiors = new org.pathosynth.synth.internal.dp.BinInterior[saved.size()];
        for (int i = 0; i < attributes.length; i++) {
            attributes[i] = schema.indexOf(saved.get(i).get("attribute").asText());
            counts[i] = ModelJson.doubles(saved.get(i).get("counts"));
            interiors[i] = org.pathosynth.synth.internal.dp.BinInterior.read(saved.get(i).get("value_histogram"),
                    MarginalCalibration.binsOf(schema, attributes[i]));
        }
        return new MarginalCalibration(schema, attributes, counts, interiors);
    }

    private static void putInts(ObjectNode node, String field, int[] values) {
        ArrayNode a = node.putArray(field);
        for (int v : values) {
            a.add(v);
        }
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
