package org.pathosynth.examples;

import java.util.ArrayList;
import java.util.List;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.generation.GenerationBatch;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.core.generation.ReportStyle;
import org.pathosynth.core.random.Seeds;
import org.pathosynth.llm.generation.AssignmentPolicy;
import org.pathosynth.llm.generation.LlmReportGenerator;
import org.pathosynth.llm.generation.TeacherEnsemble;
import org.pathosynth.llm.provider.ProviderSettings;
import org.pathosynth.llm.provider.Providers;
import org.pathosynth.synth.copula.GaussianCopulaSynthesizer;
import org.pathosynth.synth.report.TemplateReportWriter;

/**
 * Two teachers share the records round-robin: the offline writer in synoptic style, and an LLM named by the first
 * argument (e.g. {@code ollama:mistral}), or the offline writer in prose when no LLM is given.
 */
public final class GenerateWithTwoTeachers {
    private GenerateWithTwoTeachers() {
    }

    public static void main(String[] args) {
        GenerationBatch batch = run(args.length > 0 ? args[0] : null, 100);
        System.out.printf("%d reports, %d failures%n", batch.pairs().size(), batch.failures().size());
        System.out.println(batch.pairs().get(0).report().text());
    }

    static GenerationBatch run(String llmSpec, int n) {
        Table records = GaussianCopulaSynthesizer.create().fit(DemoData.tcgaBrca()).sample(n, 7);
        ReportGenerator first = TemplateReportWriter.builder().name("template-synoptic").styles(ReportStyle.SYNOPTIC).build();
        ReportGenerator second = llmSpec == null
                ? TemplateReportWriter.builder().name("template-prose").styles(ReportStyle.PROSE).noise(0.5).build()
                : LlmReportGenerator.builder(Providers.connect(llmSpec, ProviderSettings.fromEnvironment())).language("fr").build();
        TeacherEnsemble teachers = TeacherEnsemble.builder().teacher(first).teacher(second).policy(AssignmentPolicy.ROUND_ROBIN).build();
        List<GenerationRequest> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            requests.add(new GenerationRequest("r" + i, records.record(i), Seeds.derive(7, "teachers", i)));
        }
        return teachers.generateAll(requests, (stage, done, total) -> { });
    }
}
