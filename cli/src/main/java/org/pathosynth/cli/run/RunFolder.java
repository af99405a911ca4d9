package org.pathosynth.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A run's output folder and its record of finished steps ({@code run-state.json}). A step's files are written first
 * and the step marked done after, each write through a temporary file and a rename: after a crash, a re-run skips
 * exactly the steps whose outputs are complete. The folder belongs to one config: another config is refused.
 */
final class RunFolder {
    private static final String STATE = "run-state.json";
    private final Path dir;
    private final String fingerprint;
    private final String inputs;
    private final Set<String> done = new LinkedHashSet<>();
    private boolean inputsChanged;

    private RunFolder(Path dir, String fingerprint, String inputs) {
        this.dir = dir;
        this.fingerprint = fingerprint;
        this.inputs = inputs;
    }

    static RunFolder open(Path dir, String fingerprint) {
        return open(dir, fingerprint, "", false, List.of());
    }

    /** Whether the inputs' content differed from the last run's, so that every step was marked to run again. */
    boolean inputsChanged() {
        return inputsChanged;
    }

    /**
     * Opens (or creates) the run folder. Refused, with one line: a folder holding a run of another config; the file
     * system's root or the home folder; a non-empty folder that is not a run folder, unless {@code force}; and, even
     * then, a folder in which one of {@code inputs} lies (a run writes its files there). When the folder holds a run of
     * the same config over inputs of another content ({@code inputsFingerprint}), every
     * step is marked to run again and the journal of reports is dropped.
     */
    static RunFolder open(Path dir, String fingerprint, String inputsFingerprint, boolean force, List<Path> inputs) {
        RunFolder folder = new RunFolder(dir, fingerprint, inputsFingerprint);
        try {
            Path absolute = dir.toAbsolutePath().normalize();
            if (absolute.getParent() == null || absolute.equals(Path.of(System.getProperty("user.home")).toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("output folder " + dir + " is " + (absolute.getParent() == null ? "the file system's root"
                        : "your home folder") + ": give a folder of its own (key 'out' or --out)");
            }
            for (Path in : inputs) {
                if (in.toAbsolutePath().normalize().startsWith(absolute)) {
                    throw new IllegalArgumentException("the input " + in + " lies in the output folder " + dir
                            + ", where a run writes its files: keep inputs outside it or give another folder (key 'out' or --out)");
                }
            }
            Path state = dir.resolve(STATE);
            if (!force && !Files.exists(state) && Files.isDirectory(dir)) {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException("output folder " + dir + " exists, is not empty and holds no run: a run would "
                                + "replace files of the same names; give a new folder (key 'out' or --out), or --force to write into it");
                    }
                }
            }
            Files.createDirectories(dir);
            if (Files.exists(state)) {
                JsonNode json = new ObjectMapper().readTree(state.toFile());
                if (!fingerprint.equals(json.path("config_fingerprint").asText())) {
                    throw new IllegalArgumentException(dir + " holds a run of another config; give another output folder (key 'out') "
                            + "or delete it to start again");
                }
                String before = json.path("inputs_fingerprint").asText("");
                if (!before.isEmpty() && !folder.inputs.isEmpty() && !before.equals(folder.inputs)) {
                    // the same config over other data: nothing done before holds, the reports in the journal included
                    folder.inputsChanged = true;
                    deleteTree(dir.resolve("journal"));
                    folder.writeState();
                } else {
                    json.path("done").forEach(n -> folder.done.add(n.asText()));
                }
            } else {
                folder.writeState(); // a run folder from the start: a crash before the first step still resumes
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open run folder " + dir, e);
        }
        return folder;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    Path dir() {
        return dir;
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    boolean isDone(String step) {
        return done.contains(step);
    }

    void markDone(String step) {
        done.add(step);
        writeState();
    }

    private void writeState() {
        ObjectNode state = new ObjectMapper().createObjectNode();
        state.put("config_fingerprint", fingerprint);
        if (!inputs.isEmpty()) {
            state.put("inputs_fingerprint", inputs);
        }
        done.forEach(state.putArray("done")::add);
        writeString(STATE, state.toPrettyString());
    }

    /** Writes a file completely or not at all (temporary file, then an atomic rename). */
    void writeString(String name, String content) {
        write(name, tmp -> Files.writeString(tmp, content, StandardCharsets.UTF_8));
    }

    void write(String name, FileWriter writer) {
        Path target = dir.resolve(name);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            writer.write(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Writes to the given (temporary) path. */
    @FunctionalInterface
    interface FileWriter {
        void write(Path path) throws IOException;
    }
}
