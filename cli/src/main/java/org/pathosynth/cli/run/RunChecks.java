package org.pathosynth.cli.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pathosynth.core.component.ComponentSpec;
import org.pathosynth.core.extraction.Extractors;
import org.pathosynth.core.generation.Generators;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.extraction.export.ExportFormat;

/** Checks a {@link RunConfig} before anything runs: one clear line naming the key for each kind of mistake. */
final class RunChecks {
    private RunChecks() {
    }

    /** Checks the config; returns its schema, resolved once (inferred from the real and holdout tables where asked). */
    static SchemaOption.Resolved validate(RunConfig c) {
        if (c.real() == null || c.real().isBlank()) {
            throw new IllegalArgumentException("config key 'real' is missing: the real table (CSV) to learn from");
        }
        requireFile("real", c.real());
        if (c.labelled() != null) {
            requireFile("labelled", c.labelled());
        }
        if (c.holdout() != null) {
            requireFile("holdout", c.holdout());
        }
        SchemaOption.Resolved resolved = schema(c);
        Schema schema = resolved.schema();
        check(c.records() >= 100, "records", "must be at least 100 (the table quality metrics need 100 rows), got " + c.records());
        check(c.holdoutShare() >= 0 && c.holdoutShare() <= 0.9, "holdout_share", "must be between 0 and 0.9, got " + c.holdoutShare());
        check(List.of("fr", "en").contains(c.language()), "language", "must be fr or en, got '" + c.language() + "'");
        check(c.noise() >= 0 && c.noise() <= 1, "noise", "must be between 0 and 1, got " + c.noise());
        check(c.validationShare() >= 0 && c.validationShare() < 1, "validation_share", "must be in [0, 1), got " + c.validationShare());
        check(!c.generators().isEmpty(), "generators", "needs at least one generator");
        check(c.llm().concurrency() >= 1, "llm.concurrency", "must be at least 1, got " + c.llm().concurrency());
        check(!c.extractors().isEmpty(), "extractors", "needs at least one extractor");
        check(c.student().epochs() >= 1, "student.epochs", "must be at least 1, got " + c.student().epochs());
        check(c.student().minConfidence() >= 0 && c.student().minConfidence() <= 1, "student.min_confidence",
                "must be in [0, 1], got " + c.student().minConfidence());
        for (String x : c.extractors()) {
            check(Extractors.names().contains(ComponentSpec.parse(x).name()), "extractors", "'" + x + "' is none of "
                    + String.join(", ", Extractors.names()) + " (an LLM spec reads provider:model, such as ollama:mistral)");
        }
        for (RunConfig.GeneratorConfig g : c.generators()) {
            check(Generators.names().contains(ComponentSpec.parse(g.spec()).name()), "generators", "'" + g.spec() + "' is none of "
                    + String.join(", ", Generators.names()) + " (an LLM spec reads provider:model, such as ollama:mistral)");
            check(g.weight() > 0, "generators", "weight of '" + g.spec() + "' must be positive, got " + g.weight());
        }
        named("policy", () -> Teachers.policy(c.policy()));
        named("synthesizer", () -> Synthesizers.build(c.synthesizer(), schema, java.util.Set.of()));
        named("synthesizer", () -> Synthesizers.checkDataDomains(c.synthesizer(), schema));
        named("filters", () -> {
            if (!c.filters().isEmpty()) {
                QualityFilters.chain(c.filters(), schema.reportable(), c.language()); // as the run builds them
            }
        });
        for (String e : c.exports()) {
            named("exports", () -> ExportFormat.parse(e));
        }
        for (String x : c.extractors()) {
            named("extractors", () -> mayReadRealReports(x));
        }
        return resolved;
    }

    /**
     * The labelled reports are real text: an LLM extractor must reach them through a local endpoint (the strict privacy
     * gate), found before the first step rather than after the whole pipeline; its provider is connected now, so a
     * missing key or an unknown provider is found now too.
     */
    private static void mayReadRealReports(String spec) {
        if (!org.pathosynth.core.component.Components.optionNames(org.pathosynth.core.extraction.ExtractorProvider.class, spec)
                .contains("shots")) {
            return; // not an LLM extractor
        }
        RemoteModels.check(spec, org.pathosynth.llm.privacy.PrivacyGate.strict(), org.pathosynth.llm.privacy.TextOrigin.REAL,
                "the labelled reports");
    }

    private static SchemaOption.Resolved schema(RunConfig c) {
        List<Path> tables = c.holdout() == null ? List.of(Path.of(c.real())) : List.of(Path.of(c.real()), Path.of(c.holdout()));
        try {
            return SchemaOption.resolve(c.schema(), tables, c.csvReadOptions(), c.bounds());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config key 'schema': " + e.getMessage(), e);
        }
    }

    private static void requireFile(String key, String path) {
        if (!Files.isRegularFile(Path.of(path))) {
            String where = Path.of(path).isAbsolute() ? "" : " (a relative path is read from the working directory, "
                    + Path.of("").toAbsolutePath() + ", not from the config's folder)";
            throw new IllegalArgumentException("config key '" + key + "': file " + path + " does not exist" + where);
        }
    }

    private static void check(boolean ok, String key, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("config key '" + key + "' " + problem);
        }
    }

    private static void named(String key, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config key '" + key + "': " + e.getMessage(), e);
        }
    }
}
