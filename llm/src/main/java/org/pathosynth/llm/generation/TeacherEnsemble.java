package org.pathosynth.llm.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.pathosynth.core.generation.GenerationBatch;
import org.pathosynth.core.generation.GenerationJournal;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.core.pipeline.ProgressListener;
import org.pathosynth.core.report.Report;

/**
 * Several teachers (any {@link ReportGenerator}: LLMs, the offline template writer) sharing the work under an
 * {@link AssignmentPolicy}, for stylistic diversity. Each report's provenance names its teacher.
 */
public final class TeacherEnsemble implements ReportGenerator {
    private final List<ReportGenerator> teachers;
    private final double[] weights;
    private final AssignmentPolicy policy;
    private final int threads;

    private TeacherEnsemble(Builder b) {
        if (b.teachers.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one teacher");
        }
        teachers = List.copyOf(b.teachers);
        weights = b.weights.stream().mapToDouble(Double::doubleValue).toArray();
        policy = b.policy;
        threads = b.threads;
        long distinct = teachers.stream().map(ReportGenerator::name).distinct().count();
        if (distinct < teachers.size()) {
            throw new IllegalArgumentException("teacher names must differ (name them with the builder): "
                    + teachers.stream().map(ReportGenerator::name).toList());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "ensemble(" + String.join(",", teachers.stream().map(ReportGenerator::name).toList()) + ")";
    }

    public List<ReportGenerator> teachers() {
        return teachers;
    }

    /** The tasks for a batch: each request with its teacher(s), in request order. */
    List<GenerationTask> plan(List<GenerationRequest> requests) {
        List<GenerationTask> tasks = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            GenerationRequest r = requests.get(i);
            switch (policy) {
                case ROUND_ROBIN -> tasks.add(new GenerationTask(r, teachers.get(i % teachers.size())));
                case WEIGHTED -> tasks.add(new GenerationTask(r, teachers.get(draw(r.seed()))));
                case EVERY -> {
                    for (ReportGenerator t : teachers) {
                        tasks.add(new GenerationTask(new GenerationRequest(r.id() + "#" + t.name(), r.record(), r.seed()), t));
                    }
                }
            }
        }
        return tasks;
    }

    private int draw(long seed) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = new SplittableRandom(seed).nextDouble() * total;
        for (int t = 0; t < weights.length; t++) {
            u -= weights[t];
            if (u < 0) {
                return t;
            }
        }
        return weights.length - 1;
    }

    /** One report by the request's teacher (under EVERY, the first teacher's). */
    @Override
    public Report generate(GenerationRequest request) {
        GenerationTask task = policy == AssignmentPolicy.WEIGHTED ? plan(List.of(request)).get(0)
                : new GenerationTask(request, teachers.get(Math.floorMod(request.seed(), teachers.size())));
        return task.generator().generate(task.request());
    }

    /**
     * Writes the batch on {@code threads} threads, each request by the teacher(s) the policy assigns, taking the reports
     * {@code journal} already holds (by id and teacher) and recording each new one as soon as it is written.
     */
    @Override
    public GenerationBatch generateAll(List<GenerationRequest> requests, GenerationJournal journal, ProgressListener progress) {
        return GenerationRun.of(threads, journal).run(plan(requests), progress);
    }

    public static final class Builder {
        private final List<ReportGenerator> teachers = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();
        private AssignmentPolicy policy = AssignmentPolicy.ROUND_ROBIN;
        private int threads = 8;

        public Builder teacher(ReportGenerator g) {
            return teacher(g, 1);
        }

        public Builder teacher(ReportGenerator g, double weight) {
            if (!(weight > 0)) {
                throw new IllegalArgumentException("teacher weight must be positive, got " + weight);
            }
            teachers.add(Objects.requireNonNull(g, "teacher"));
            weights.add(weight);
            return this;
        }

        public Builder policy(AssignmentPolicy p) {
            policy = Objects.requireNonNull(p, "policy");
            return this;
        }

        /** Reports in progress at once (default 8); match the LLM client's concurrency. */
        public Builder threads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + n);
            }
            threads = n;
            return this;
        }

        public TeacherEnsemble build() {
            return new TeacherEnsemble(this);
        }
    }
}
