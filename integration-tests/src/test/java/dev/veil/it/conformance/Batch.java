package dev.veil.it.conformance;

import dev.veil.it.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several scenarios for one child JVM run ({@code --batch} in the test-app protocol), and what the app
 * printed for each of them.
 */
final class Batch {

    private final Path dir;
    private final StringBuilder lines = new StringBuilder();
    private final Map<String, String> modes = new LinkedHashMap<>();
    private int bodies;

    Batch(Path dir) {
        this.dir = dir;
    }

    Batch add(String id, String url, String mode, String body) throws IOException {
        Path file = dir.resolve("body-" + (bodies++) + ".json");
        Files.write(file, body.getBytes(StandardCharsets.UTF_8));
        lines.append(id).append('\t').append(url).append('\t').append(mode).append('\t').append(file).append('\n');
        modes.put(id, mode);
        return this;
    }

    Printed run(ChildJvm jvm, Path appJar) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "batch", ".tsv");
        Files.write(file, lines.toString().getBytes(StandardCharsets.UTF_8));
        return new Printed(jvm.runJar(appJar, "--batch", file.toString()), modes.keySet());
    }

    /** The lines the app printed, per scenario id. */
    static final class Printed {
        final ChildJvm.Result run;
        private final Map<String, List<String>> byId = new LinkedHashMap<>();

        Printed(ChildJvm.Result run, Iterable<String> ids) {
            this.run = run;
            for (String id : ids) {
                byId.put(id, new ArrayList<>());
            }
            for (String line : run.stdout.split("\\R")) {
                int space = line.indexOf(' ');
                if (space > 0 && byId.containsKey(line.substring(0, space))) {
                    byId.get(line.substring(0, space)).add(line.substring(space + 1));
                }
            }
        }

        List<String> of(String id) {
            return byId.get(id);
        }

        /** The line of scenario {@code id} that starts with {@code prefix}. */
        String line(String id, String prefix) {
            for (String line : byId.get(id)) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            throw new AssertionError("scenario " + id + " printed no '" + prefix + "' line:\n" + run);
        }
    }
}
