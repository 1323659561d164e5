package dev.veil.agent.config;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every setting the agent knows is in the README's configuration table, with its default. */
class ReadmeConfigTableTest {

    @Test
    void readmeListsEverySettingWithItsDefault() throws IOException {
        Path readme = Paths.get("..", "README.md");
        assertTrue(Files.isRegularFile(readme), "README.md not found next to the agent module");
        String text = new String(Files.readAllBytes(readme), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<String>();
        for (Setting<?> s : SettingsCatalog.ALL) {
            if (!text.contains(row(s))) {
                missing.add(s.key());
            }
        }
        if (!missing.isEmpty()) {
            StringBuilder table = new StringBuilder("| Key (env) | Default | Values | What it does |\n|---|---|---|---|\n");
            for (Setting<?> s : SettingsCatalog.ALL) {
                table.append(row(s)).append(' ').append(s.description()).append(" |\n");
            }
            fail("README.md lacks rows for " + missing + "; the expected table is:\n" + table);
        }
    }

    @Test
    void readmeHasNoRowForAnUnknownKey() throws IOException {
        String text = new String(Files.readAllBytes(Paths.get("..", "README.md")), StandardCharsets.UTF_8);
        List<String> stale = new ArrayList<String>();
        for (String line : text.split("\n")) {
            if (line.startsWith("| `veil.")) {
                String key = line.substring(3, line.indexOf('`', 3));
                if (SettingsCatalog.find(key) == null) {
                    stale.add(key);
                }
            }
        }
        assertTrue(stale.isEmpty(), "README.md documents settings that do not exist: " + stale);
    }

    /** The start of a table row: key, env name, default and the expected values. */
    static String row(Setting<?> s) {
        String def = s.defaultValue().isEmpty() ? "(none)" : "`" + s.defaultValue() + "`";
        return "| `" + s.key() + "` (`" + s.envName() + "`) | " + def + " | " + s.expected() + " |";
    }
}
