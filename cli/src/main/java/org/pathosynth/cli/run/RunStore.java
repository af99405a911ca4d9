package org.pathosynth.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.pathosynth.core.filter.FilterChain;
import org.pathosynth.core.generation.GenerationBatch;
import org.pathosynth.core.generation.GenerationJournal;
import org.pathosynth.core.io.CsvTables;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.pipeline.Pipeline;
import org.pathosynth.core.pipeline.PipelineStore;
import org.pathosynth.core.pipeline.Synthesis;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.provenance.DataFingerprint;
import org.pathosynth.core.provenance.ProvenanceJson;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.call.PriceTable;
import org.pathosynth.llm.run.Journal;
import org.pathosynth.llm.run.RunSummary;

/**
 * The pipeline's steps kept in a run folder: {@code synthetic.csv} and {@code synthesizer.json}, the report journal,
 * {@code pairs.jsonl} and {@code generation.json}, {@code corpus.jsonl} and {@code filters.json}, each output with its
 * provenance file. A step is marked done in {@code run-state.json} after its files are complete, so a re-run loads it.
 */
final class RunStore implements PipelineStore {
    private final RunFolder folder;
    private final PrintStream log;
    private final String synthesizer;
    private final LlmClient client;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param synthesizer the synthesizer's name, as {@code synthesizer.json} states it
     * @param client      the run's LLM client, whose usage {@code generation.json} reports
     */
    RunStore(RunFolder folder, PrintStream log, String synthesizer, LlmClient client) {
        this.folder = folder;
        this.log = log;
        this.synthesizer = synthesizer;
        this.client = client;
    }

    @Override
    public boolean isDone(String step) {
        if (folder.isDone(step)) {
            log.printf(Locale.ROOT, "run: %s already done, kept%n", step);
            return true;
        }
        return false;
    }

    @Override
    public Synthesis loadSynthesis(Schema schema) {
        JsonNode meta = read("synthesizer.json");
        ArtifactProvenance provenance = ProvenanceJson.readSideFile(folder.file("synthetic.csv"));
        if (provenance == null) { // a run folder from before provenance files
            provenance = ArtifactProvenance.of("synthetic-table", meta.path("synthesizer").asText(), java.util.Map.of())
                    .withPrivacy(ProvenanceJson.privacyFromJson(meta.path("privacy")));
        }
        return new Synthesis(CsvTables.read(folder.file("synthetic.csv"), schema).table(), null, provenance,
                meta.path("training_rows").asInt(), Math.round(meta.path("fit_seconds").asDouble() * 1000),
                Math.round(meta.path("sample_seconds").asDouble() * 1000));
    }

    @Override
    public void saveSynthesis(Synthesis s) {
        folder.write("synthetic.csv", p -> CsvTables.write(s.synthetic(), p));
        ProvenanceJson.writeSideFile(folder.file("synthetic.csv"), s.provenance().withInput(DataFingerprint.of(s.synthetic())));
        ObjectNode meta = json.createObjectNode();
        meta.put("synthesizer", synthesizer);
        meta.put("training_rows", s.trainingRows());
        meta.put("rows", s.synthetic().rowCount());
        meta.put("fit_seconds", s.fitMillis() / 1e3);
        meta.put("sample_seconds", s.sampleMillis() / 1e3);
        meta.set("privacy", ProvenanceJson.privacy(s.provenance().privacy()));
        folder.writeString("synthesizer.json", meta.toPrettyString());
        folder.markDone(Pipeline.SYNTHESIZE);
        log.printf(Locale.ROOT, "run: %s fitted on %d rows in %.2f s, %d records sampled%n", synthesizer, s.trainingRows(),
                s.fitMillis() / 1e3, s.synthetic().rowCount());
    }

    @Override
    public GenerationJournal openJournal(Schema schema) {
        Journal journal = Journal.open(folder.file("journal"), schema);
        if (journal.doneCount() > 0) {
            log.printf(Locale.ROOT, "run: resuming report writing, %d reports already in the journal%n", journal.doneCount());
        }
        return journal;
    }

    @Override
    public List<ReportPair> loadGenerated(Schema schema) {
        return Jsonl.readCorpus(folder.file("pairs.jsonl"), schema).pairs();
    }

    @Override
    public void saveGenerated(GenerationBatch batch, long millis) {
        RunSummary summary = RunSummary.of(batch, client.usage(), PriceTable.bundled(), millis / 1e3);
        folder.write("pairs.jsonl", p -> Jsonl.writePairs(batch.pairs(), p));
        ObjectNode generation = summary.toJson();
        LocalModelFigures.addTo(generation);
        folder.writeString("generation.json", generation.toPrettyString());
        if (!batch.failures().isEmpty()) {
            // Counted in generation.json; a re-run retries them from the journal.
            log.printf(Locale.ROOT, "run: %d reports could not be written (see generation.json); re-run to retry them%n", batch.failures().size());
        } else {
            folder.markDone(Pipeline.GENERATE);
        }
        log.printf(Locale.ROOT, "run: %d reports written%n", batch.pairs().size());
    }

    @Override
    public List<ReportPair> loadFiltered(Schema schema) {
        return Jsonl.readCorpus(folder.file("corpus.jsonl"), schema).pairs();
    }

    @Override
    public void saveFiltered(List<ReportPair> input, FilterChain chain, FilterChain.Outcome outcome) {
        folder.write("corpus.jsonl", p -> Jsonl.writePairs(outcome.kept(), p));
        ProvenanceJson.writeSideFile(folder.file("corpus.jsonl"), ArtifactProvenance.of("corpus", "filters",
                java.util.Map.of("filters", chain.names())).withInput(DataFingerprint.ofPairs(outcome.kept())));
        ObjectNode f = json.createObjectNode();
        f.put("input", input.size());
        f.put("kept", outcome.kept().size());
        f.put("rejected", outcome.rejected());
        chain.names().forEach(f.putArray("filters")::add);
        ObjectNode by = f.putObject("rejected_by_filter");
        outcome.rejectedByFilter().forEach(by::put);
        ObjectNode reasons = f.putObject("reasons");
        outcome.reasons().forEach(reasons::put);
        folder.writeString("filters.json", f.toPrettyString());
        folder.markDone(Pipeline.FILTER);
        log.printf(Locale.ROOT, "run: filters kept %d of %d pairs%n", outcome.kept().size(), input.size());
    }

    private JsonNode read(String name) {
        try {
            return json.readTree(folder.file(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder.file(name), e);
        }
    }
}
