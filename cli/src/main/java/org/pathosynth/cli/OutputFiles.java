package org.pathosynth.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Outputs are never inputs: before a command reads anything, it refuses an output option that names one of its input
 * files (the same path, or another name of the same file), or one of its own other outputs, with one line naming both
 * options. Each path is kept with its option so that the message says which options clash.
 */
final class OutputFiles {
    private final List<Map.Entry<String, Path>> inputs = new ArrayList<>();
    private final List<Map.Entry<String, Path>> outputs = new ArrayList<>();

    OutputFiles input(String option, Path path) {
        if (path != null) {
            inputs.add(Map.entry(option, path));
        }
        return this;
    }

    OutputFiles output(String option, Path path) {
        if (path != null) {
            outputs.add(Map.entry(option, path));
        }
        return this;
    }

    /** Throws when an output is an input, or two outputs are the same file. */
    void check() {
        for (int i = 0; i < outputs.size(); i++) {
            var out = outputs.get(i);
            for (var in : inputs) {
                if (same(out.getValue(), in.getValue())) {
                    throw new IllegalArgumentException(out.getKey() + " " + out.getValue() + " is the input " + in.getKey()
                            + ": an input is never written over; choose another file");
                }
            }
            for (int j = i + 1; j < outputs.size(); j++) {
                if (same(out.getValue(), outputs.get(j).getValue())) {
                    throw new IllegalArgumentException(out.getKey() + " and " + outputs.get(j).getKey() + " name the same file "
                            + out.getValue() + ": choose two files");
                }
            }
        }
    }

    private static boolean same(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
