package org.pathosynth.cli;

import java.time.Duration;
import org.pathosynth.llm.provider.ProviderSettings;
import picocli.CommandLine.Option;

/** The LLM call options shared by {@code generate} and {@code extract}, with {@code run}'s defaults. */
final class LlmOptions {
    @Option(names = "--concurrency", defaultValue = "8", description = "LLM calls in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--timeout", defaultValue = "120", description = "Seconds before an LLM call times out (and is retried) (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    ProviderSettings settings() {
        return ProviderSettings.builder().timeout(Duration.ofSeconds(timeoutSeconds)).build();
    }
}
