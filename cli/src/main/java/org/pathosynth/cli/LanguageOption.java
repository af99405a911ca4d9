package org.pathosynth.cli;

import picocli.CommandLine.Option;

/** {@code --lang}, shared by the commands that write or read reports. */
final class LanguageOption {
    @Option(names = "--lang", defaultValue = "fr", description = "Report language: fr or en (default: ${DEFAULT-VALUE}).")
    String lang;
}
