package org.pathosynth.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.pathosynth.eval.distance.DistanceMetrics;
import org.pathosynth.eval.extraction.AttributeScore;
import org.pathosynth.eval.extraction.ExtractionScores;
import org.pathosynth.eval.fidelity.AccuracySummary;
import org.pathosynth.eval.fidelity.BinCounts;
import org.pathosynth.eval.fidelity.Rounding;
import org.pathosynth.eval.fidelity.TupleAccuracy;
import org.pathosynth.eval.text.TextDiversity;

/**
 * The report as JSON under the reference names ({@code accuracy.overall}, {@code similarity.
 * cosine_similarity_training_synthetic}, {@code distances.dcr_share}, {@code dcr_overfitting_protection.
 * score}, ...), rounded as the references report them, with the details beside. NaN becomes null.
 */
public final class QualityReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private QualityReportJson() {
    }

    public static ObjectNode toJson(QualityReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode rows = root.putObject("rows");
        r.rows().forEach(rows::put);
        ArrayNode warnings = root.putArray("warnings");
        r.warnings().forEach(warnings::add);

        if (r.fidelity() != null) {
            AccuracySummary a = r.fidelity().summary().rounded();
            ObjectNode acc = root.putObject("accuracy");
            put(acc, "overall", a.overall());
            put(acc, "univariate", a.univariate());
            put(acc, "bivariate", a.bivariate());
            put(acc, "trivariate", a.trivariate());
            put(acc, "overall_max", a.overallMax());
            put(acc, "univariate_max", a.univariateMax());
            put(acc, "bivariate_max", a.bivariateMax());
            put(acc, "trivariate_max", a.trivariateMax());
            ArrayNode uni = acc.putArray("per_column");
            for (TupleAccuracy t : r.fidelity().univariate()) {
                uni.addObject().put("column", t.columns().get(0)).put("accuracy", t.accuracy()).put("accuracy_max", t.accuracyMax());
            }
            ArrayNode bi = acc.putArray("per_pair");
            for (TupleAccuracy t : r.fidelity().bivariate()) {
                bi.addObject().put("col1", t.columns().get(0)).put("col2", t.columns().get(1))
                        .put("accuracy", t.accuracy()).put("accuracy_max", t.accuracyMax());
            }
            ObjectNode bins = acc.putObject("bins");
            for (BinCounts b : r.fidelity().binCounts().values()) {
                ObjectNode n = bins.putObject(b.column());
                b.labels().forEach(n.putArray("labels")::add);
                ArrayNode ref = n.putArray("reference");
                ArrayNode syn = n.putArray("synthetic");
                for (int i = 0; i < b.labels().size(); i++) {
                    ref.add(b.reference()[i]);
                    syn.add(b.synthetic()[i]);
                }
            }
        }
        if (r.similarity() != null) {
            ObjectNode s = root.putObject("similarity");
            put(s, "cosine_similarity_training_synthetic", Rounding.python(r.similarity().trainingSynthetic(), 7));
            put(s, "cosine_similarity_training_holdout", Rounding.python(r.similarity().trainingHoldout(), 7));
            s.put("label_embedder", r.similarity().labelEmbedder());
            s.put("rows_per_set", r.similarity().rowsPerSet());
        }
        if (r.distances() != null) {
            DistanceMetrics d = r.distances();
            ObjectNode n = root.putObject("distances");
            put(n, "ims_training", Rounding.python(d.imsTraining(), 3));
            put(n, "ims_holdout", Rounding.python(d.imsHoldout(), 3));
            put(n, "ims_trn_hol", Rounding.python(d.imsTrainingHoldout(), 3));
            put(n, "dcr_training", Rounding.python(d.dcrTraining(), 3));
            put(n, "dcr_holdout", Rounding.python(d.dcrHoldout(), 3));
            put(n, "dcr_trn_hol", Rounding.python(d.dcrTrainingHoldout(), 3));
            put(n, "dcr_share", Rounding.python(d.dcrShare(), 3));
            put(n, "nndr_training", Rounding.python(d.nndrTraining(), 12));
            put(n, "nndr_holdout", Rounding.python(d.nndrHoldout(), 12));
            put(n, "nndr_trn_hol", Rounding.python(d.nndrTrainingHoldout(), 12));
            put(n, "share_ties", d.shareTies());
            n.put("column_groups", "all columns (the reference's random column-group search is not applied)");
        }
        if (r.overfitting() != null) {
            ObjectNode o = root.putObject("dcr_overfitting_protection");
            put(o, "score", r.overfitting().score());
            put(o, "closer_to_training", r.overfitting().closerToTraining());
            put(o, "closer_to_holdout", r.overfitting().closerToHoldout());
        }
        if (r.coherence() != null) {
            ObjectNode c = root.putObject("coherence");
            r.coherence().rules().forEach(c.putArray("rules")::add);
            ObjectNode tables = c.putObject("tables");
            r.coherence().tables().forEach((name, t) -> {
                ObjectNode n = tables.putObject(name);
                n.put("rows", t.rows());
                n.put("coherent_rows", t.coherentRows());
                put(n, "rate", t.rate());
                ObjectNode breaking = n.putObject("breaking");
                t.breaking().forEach(breaking::put);
            });
        }
        if (r.extraction() != null) {
            root.set("extraction", extractionJson(r.extraction()));
        }
        if (r.textDiversity() != null) {
            TextDiversity t = r.textDiversity();
            ObjectNode n = root.putObject("text_diversity");
            n.put("reports", t.reports());
            put(n, "distinct_1", t.distinct1());
            put(n, "distinct_2", t.distinct2());
            put(n, "self_bleu", t.selfBleu());
            n.put("self_bleu_sample", t.selfBleuSample());
            put(n, "length_mean", t.meanLength());
            put(n, "length_std", t.stdLength());
            n.put("length_min", t.minLength());
            n.put("length_median", t.medianLength());
            n.put("length_max", t.maxLength());
        }
        ObjectNode timings = root.putObject("timings_ms");
        r.timingsMillis().forEach(timings::put);
        return root;
    }

    /** Extraction scores per attribute and in total. */
    public static ObjectNode extractionJson(ExtractionScores scores) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode total = root.putObject("total");
        put(total, "mean_accuracy", scores.meanAccuracy());
        put(total, "pooled_presence_precision", scores.pooledPresence().precision());
        put(total, "pooled_presence_recall", scores.pooledPresence().recall());
        put(total, "pooled_presence_f1", scores.pooledPresence().f1());
        put(total, "macro_presence_f1", scores.macroPresenceF1());
        ObjectNode per = root.putObject("per_attribute");
        for (Map.Entry<String, AttributeScore> e : scores.perAttribute().entrySet()) {
            AttributeScore s = e.getValue();
            ObjectNode n = per.putObject(e.getKey());
            n.put("n", s.n());
            put(n, "accuracy", s.accuracy());
            int goldPresent = s.presence().tp() + s.presence().fn();
            n.put("gold_present", goldPresent);
            put(n, "accuracy_gold_nonnull", goldPresent == 0 ? Double.NaN : s.accuracyGoldNonNull());
            put(n, "presence_precision", s.presence().precision());
            put(n, "presence_recall", s.presence().recall());
            put(n, "presence_f1", s.presence().f1());
            put(n, "macro_f1", s.macroF1());
            put(n, "macro_f1_nonnull", s.macroF1NonNull());
            put(n, "micro_f1", s.microF1());
            put(n, "weighted_f1", s.weightedF1());
        }
        return root;
    }

    private static void put(ObjectNode n, String key, double value) {
        if (Double.isNaN(value)) {
            n.putNull(key);
        } else {
            n.put(key, value);
        }
    }

    public static String write(QualityReport r) {
        try {
            return MAPPER.writeValueAsString(toJson(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(QualityReport r, Path file) {
        org.pathosynth.core.io.AtomicFiles.writeString(file, write(r));
    }
}
