package org.pathosynth.extraction.student;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a student was trained and how it scored on the validation pairs held out from its training: pairs used, features
 * kept, the share of values whose place in the report was known (spans written by the generator) or found (alignment
 * by search), accuracy per attribute, and the calibration of its confidences (expected calibration error over 10 bins,
 * before and after Platt scaling; after is cross-fitted, each half of the values scaled by a fit on the other half, and
 * an attribute whose scaling does not help out of sample keeps its raw confidences).
 *
 * @param aligned   per teacher (report producer): values present in the records, values placed by recorded spans,
 *                  values placed by search
 * @param accuracy  validation accuracy per attribute (missing values count: reading nothing where the record has
 *                  nothing is right)
 */
public record TrainingReport(int trainingPairs, int validationPairs, int features, double seconds,
                             Map<String, int[]> aligned, Map<String, Double> accuracy, double eceRaw, double eceCalibrated,
                             int calibrationValues) {
    public TrainingReport {
        aligned = Map.copyOf(aligned);
        accuracy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accuracy));
    }

    /** Mean of the per-attribute validation accuracies. */
    public double meanAccuracy() {
        return accuracy.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Share of present values placed (by spans or search) for a teacher. */
    public double alignedShare(String teacher) {
        int[] a = aligned.get(teacher);
        return a == null || a[0] == 0 ? Double.NaN : (a[1] + a[2]) / (double) a[0];
    }

    ObjectNode toJson() {
        ObjectMapper m = new ObjectMapper();
        ObjectNode n = m.createObjectNode();
        n.put("training_pairs", trainingPairs).put("validation_pairs", validationPairs).put("features", features)
                .put("seconds", seconds);
        ObjectNode al = n.putObject("aligned");
        new java.util.TreeMap<>(aligned).forEach((teacher, c) -> al.putObject(teacher).put("values", c[0]).put("by_spans", c[1])
                .put("by_search", c[2]));
        ObjectNode acc = n.putObject("validation_accuracy");
        accuracy.forEach(acc::put);
        n.put("validation_mean_accuracy", meanAccuracy());
        n.putObject("calibration").put("values", calibrationValues).put("ece_raw", eceRaw).put("ece_calibrated", eceCalibrated);
        return n;
    }

    static TrainingReport fromJson(JsonNode n) {
        Map<String, int[]> aligned = new LinkedHashMap<>();
        n.path("aligned").properties().forEach(e -> aligned.put(e.getKey(), new int[] {e.getValue().path("values").asInt(),
                e.getValue().path("by_spans").asInt(), e.getValue().path("by_search").asInt()}));
        Map<String, Double> accuracy = new LinkedHashMap<>();
        n.path("validation_accuracy").properties().forEach(e -> accuracy.put(e.getKey(), e.getValue().asDouble()));
        JsonNode c = n.path("calibration");
        return new TrainingReport(n.path("training_pairs").asInt(), n.path("validation_pairs").asInt(), n.path("features").asInt(),
                n.path("seconds").asDouble(), aligned, accuracy, c.path("ece_raw").asDouble(Double.NaN),
                c.path("ece_calibrated").asDouble(Double.NaN), c.path("values").asInt());
    }
}
