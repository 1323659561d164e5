package dev.veil.benchmarks.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole-process harness runs end to end ({@code --smoke}: one round, tiny counts, no peers) and
 * writes its table with every row filled. It proves the harness works; its figures mean nothing.
 */
class ProcessHarnessSmokeTest {

    @Test
    void writesTheTableWithEveryRow(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("performance.md");
        ProcessHarness.main(new String[] {"--smoke", "--root", System.getProperty("veil.root", ".."), "--out", out.toString()});

        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(0).startsWith("Measured "), lines.get(0));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("| ") && !line.startsWith("| What ")) {
                rows.add(line.substring(2, line.length() - 2).split(" \\| ", -1));
            }
        }
        assertEquals(15, rows.size(), String.join("\n", lines));
        boolean rssMeasured = Files.isExecutable(Path.of("/usr/bin/time"));
        for (String[] row : rows) {
            assertEquals(9, row.length, String.join(" | ", row));
            boolean rss = row[0].contains("RSS");
            for (int col = 2; col <= 5; col++) {
                if (!rss || rssMeasured) {
                    assertFalse(row[col].contains("n/a") || row[col].isEmpty(), "column " + col + " of: " + String.join(" | ", row));
                }
            }
            assertEquals("–", row[6], "no peers in a smoke run");
        }
    }
}
