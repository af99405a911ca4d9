package org.pathosynth.cli;

import picocli.CommandLine.Option;

/** {@code --seed}, shared by every command that draws at random: the same inputs and seed give the same outputs. */
final class SeedOption {
    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of every random choice the command makes; the same inputs and seed give the same files (default: ${DEFAULT-VALUE}).")
    long seed;
}
