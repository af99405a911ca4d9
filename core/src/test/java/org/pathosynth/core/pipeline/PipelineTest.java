package org.pathosynth.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.filter.FilterDecision;
import org.pathosynth.core.filter.QualityFilter;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.core.report.Provenance;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.core.synthesis.PrivacyGuarantee;
import org.pathosynth.core.synthesis.TabularSynthesizer;

/** The pipeline's wiring, counting and seeding, with small test components. */
class PipelineTest {
    private static final Schema SCHEMA = Schema.breastCancer();

    /** Resamples real rows by index. */
    private static final TabularSynthesizer BOOTSTRAP = new TabularSynthesizer() {
        @Override
        public String name() {
            return "bootstrap";
        }

        @Override
        public FittedSynthesizer fit(Table real, ProgressListener progress) {
            return new FittedSynthesizer() {
                @Override
                public Schema schema() {
                    return real.schema();
                }

                @Override
                public Table sample(int n, long seed) {
                    SplittableRandom rng = new SplittableRandom(seed);
                    int[] rows = new int[n];
                    for (int i = 0; i < n; i++) {
                        rows[i] = rng.nextInt(real.rowCount());
                    }
                    return real.rows(rows);
                }

                @Override
                public PrivacyGuarantee privacyGuarantee() {
                    return PrivacyGuarantee.none("copies rows");
                }

                @Override
                public String synthesizerName() {
                    return "bootstrap";
                }
            };
        }
    };

    /** Writes the grade; fails on grade 3 records. */
    private static final ReportGenerator GRADE_WRITER = new ReportGenerator() {
        @Override
        public String name() {
            return "grade-writer";
        }

        @Override
        public Report generate(GenerationRequest request) {
            String grade = request.record().getString("sbr_grade");
            if ("3".equals(grade)) {
                throw new IllegalStateException("refused");
            }
            return new Report(request.id(), "grade " + grade + " seed " + request.seed(), "en",
                    Provenance.of("grade-writer"));
        }
    };

    /** Rejects grade 1. */
    private static final QualityFilter NO_GRADE_ONE = new QualityFilter() {
        @Override
        public String name() {
            return "no-grade-1";
        }

        @Override
        public FilterDecision judge(ReportPair pair) {
            return "1".equals(pair.record().getString("sbr_grade"))
                    ? FilterDecision.reject(name(), 0.0, List.of("grade 1")) : FilterDecision.accept(name(), 1.0);
        }
    };

    private static Table real() {
        List<ClinicalRecord> rows = new ArrayList<>();
        for (String g : List.of("1", "2", "3", "2")) {
            rows.add(ClinicalRecord.of(SCHEMA, Map.of("sbr_grade", g)));
        }
        return Table.of(SCHEMA, rows);
    }

    @Test
    void countsEverythingGeneratedRejectedAndFailed() {
        List<String> stages = new ArrayList<>();
        PathologyExtractor gradeReader = new PathologyExtractor() {
            @Override
            public String name() {
                return "grade-reader";
            }

            @Override
            public Schema schema() {
                return SCHEMA;
            }

            @Override
            public Extraction extract(Report report) {
                String grade = report.text().substring(6, 7);
                return new Extraction(report.id(), ClinicalRecord.of(SCHEMA, Map.of("sbr_grade", grade)), Map.of());
            }
        };
        PipelineResult r = Pipeline.builder().synthesizer(BOOTSTRAP).generator(GRADE_WRITER).filter(NO_GRADE_ONE)
                .extractor(gradeReader).seed(7)
                .progress((stage, done, total) -> {
                    if (done == total && !stages.contains(stage)) {
                        stages.add(stage);
                    }
                })
                .build().run(real(), 400);

        long grade3 = r.synthetic().records().stream().filter(x -> "3".equals(x.getString("sbr_grade"))).count();
        long grade1 = r.synthetic().records().stream().filter(x -> "1".equals(x.getString("sbr_grade"))).count();
        PipelineCounts c = r.counts();
        assertThat(c.records()).isEqualTo(400);
        assertThat(c.generationFailures()).isEqualTo(grade3).isPositive();
        assertThat(c.generated()).isEqualTo(400 - grade3);
        assertThat(c.rejected()).isEqualTo(grade1).isPositive();
        assertThat(c.rejectedByFilter()).containsEntry("no-grade-1", (int) grade1);
        assertThat(c.accepted()).isEqualTo(r.accepted().size()).isEqualTo((int) (400 - grade3 - grade1));
        assertThat(c.generated() + c.generationFailures()).isEqualTo(c.records());
        assertThat(r.failures()).allSatisfy(f -> assertThat(f.reason()).isEqualTo("IllegalStateException"));
        assertThat(r.extractions()).hasSize(c.generated());
        assertThat(r.generated()).allSatisfy(p ->
                assertThat(r.extractions().get(p.id()).values().getString("sbr_grade")).isEqualTo(p.record().getString("sbr_grade")));
        assertThat(stages).containsSubsequence("sample", "generate", "filter", "extract");
        assertThat(r.stageMillis()).containsKeys("fit", "sample", "generate", "filter", "extract");
    }

    @Test
    void sameSeedSameRunOtherSeedOtherRun() {
        Pipeline a = Pipeline.builder().synthesizer(BOOTSTRAP).generator(GRADE_WRITER).seed(11).build();
        Pipeline b = Pipeline.builder().synthesizer(BOOTSTRAP).generator(GRADE_WRITER).seed(12).build();
        PipelineResult first = a.run(real(), 50);
        PipelineResult second = a.run(real(), 50);
        assertThat(second.synthetic()).isEqualTo(first.synthetic());
        assertThat(second.generated()).isEqualTo(first.generated());
        assertThat(b.run(real(), 50).generated()).isNotEqualTo(first.generated());
    }

    @Test
    void filterErrorsAreCountedNotLost() {
        QualityFilter broken = new QualityFilter() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public FilterDecision judge(ReportPair pair) {
                throw new IllegalStateException("boom");
            }
        };
        PipelineResult r = Pipeline.builder().synthesizer(BOOTSTRAP).generator(GRADE_WRITER).filter(broken).build().run(real(), 20);
        assertThat(r.counts().filterErrors()).isEqualTo(r.counts().generated());
        assertThat(r.counts().accepted()).isZero();
    }

    @Test
    void composedFiltersRejectAtTheFirstRefusal() {
        QualityFilter both = QualityFilter.acceptAll().and(NO_GRADE_ONE);
        ReportPair one = new ReportPair("a", ClinicalRecord.of(SCHEMA, Map.of("sbr_grade", "1")), Report.of("a", "x", "en"));
        ReportPair two = new ReportPair("b", ClinicalRecord.of(SCHEMA, Map.of("sbr_grade", "2")), Report.of("b", "x", "en"));
        assertThat(both.judge(one).accepted()).isFalse();
        assertThat(both.judge(one).filter()).isEqualTo("no-grade-1");
        assertThat(both.judge(two).accepted()).isTrue();
        assertThat(both.name()).isEqualTo("accept-all+no-grade-1");
    }

    @Test
    void rejectsNonPositiveSizesAndEmptyTables() {
        Pipeline p = Pipeline.builder().synthesizer(BOOTSTRAP).generator(GRADE_WRITER).build();
        assertThatThrownBy(() -> p.run(real(), 0)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> p.run(Table.of(SCHEMA, List.of()), 5)).hasMessageContaining("no rows");
    }

    @Test
    void reportsAreNamedByTheOneIdScheme() {
        PipelineResult r = Pipeline.builder().synthesizer(BOOTSTRAP).generator(GRADE_WRITER).seed(5).build().run(real(), 30);
        List<org.pathosynth.core.generation.GenerationRequest> requests =
                org.pathosynth.core.generation.GenerationRequests.forTable(r.synthetic(), 5);
        assertThat(requests.get(0).id()).isEqualTo("r1");
        assertThat(requests.get(29).id()).isEqualTo("r30");
        assertThat(r.generated()).allSatisfy(p -> assertThat(p.id()).matches("r\\d+"));
        assertThat(r.synthetic()).isEqualTo(BOOTSTRAP.fit(real()).sample(30, Pipeline.sampleSeed(5)));
        assertThat(r.synthesis().provenance().kind()).isEqualTo("synthetic-table");
        assertThat(r.synthesis().provenance().sources()).containsKey("model");
    }

    /** A store that already holds every step: nothing is fitted, written or filtered again. */
    @Test
    void aStoreWithFinishedStepsIsResumedWithoutRedoingThem() {
        PipelineResult first = Pipeline.builder().synthesizer(BOOTSTRAP).generator(GRADE_WRITER).filter(NO_GRADE_ONE).seed(3).build().run(real(), 40);
        List<String> saved = new ArrayList<>();
        PipelineStore kept = new PipelineStore() {
            @Override
            public boolean isDone(String step) {
                return true;
            }

            @Override
            public Synthesis loadSynthesis(Schema schema) {
                return new Synthesis(first.synthetic(), null, first.synthesis().provenance(), 4, 0, 0);
            }

            @Override
            public void saveSynthesis(Synthesis synthesis) {
                saved.add("synthesis");
            }

            @Override
            public org.pathosynth.core.generation.GenerationJournal openJournal(Schema schema) {
                throw new AssertionError("report writing must not resume a finished step");
            }

            @Override
            public List<ReportPair> loadGenerated(Schema schema) {
                return first.generated();
            }

            @Override
            public void saveGenerated(org.pathosynth.core.generation.GenerationBatch batch, long millis) {
                saved.add("generated");
            }

            @Override
            public List<ReportPair> loadFiltered(Schema schema) {
                return first.accepted().pairs();
            }

            @Override
            public void saveFiltered(List<ReportPair> input, org.pathosynth.core.filter.FilterChain chain,
                                     org.pathosynth.core.filter.FilterChain.Outcome outcome) {
                saved.add("filtered");
            }
        };
        TabularSynthesizer refusing = new TabularSynthesizer() {
            @Override
            public String name() {
                return "refusing";
            }

            @Override
            public FittedSynthesizer fit(Table real, ProgressListener progress) {
                throw new AssertionError("a kept synthetic table must not be refitted");
            }
        };
        PipelineResult again = Pipeline.builder().synthesizer(refusing).generator(GRADE_WRITER).filter(NO_GRADE_ONE).seed(3).store(kept)
                .build().run(real(), 40);
        assertThat(saved).isEmpty();
        assertThat(again.model()).isNull();
        assertThat(again.synthetic()).isEqualTo(first.synthetic());
        assertThat(again.accepted().pairs()).isEqualTo(first.accepted().pairs());
        assertThat(again.counts().accepted()).isEqualTo(first.counts().accepted());
    }
}
