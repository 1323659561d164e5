package dev.veil.it;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDKs the integration tests run the apps on: the one running the tests (17 by default) and a
 * Temurin 25 found through {@code -Dveil.it.jdk25=/path}, {@code VEIL_IT_JDK25}, or under
 * {@code /usr/lib/jvm}. A missing JDK 25 makes its test cases skip with a message saying so.
 */
public final class Jdks {

    /** A JDK home and its feature version. */
    public static final class Jdk {
        final Path home;
        final int feature;

        Jdk(Path home, int feature) {
            this.home = home;
            this.feature = feature;
        }

        public Path java() {
            return home.resolve("bin").resolve("java");
        }

        public int feature() {
            return feature;
        }

        @Override
        public String toString() {
            return "JDK " + feature;
        }
    }

    private Jdks() {
    }

    public static Jdk current() {
        return new Jdk(Path.of(System.getProperty("java.home")), Runtime.version().feature());
    }

    /** The JDK 25 home, or null when none is installed. */
    public static Jdk jdk25() {
        String configured = System.getProperty("veil.it.jdk25");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("VEIL_IT_JDK25");
        }
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured.trim());
            return Files.isExecutable(home.resolve("bin/java")) ? new Jdk(home, 25) : null;
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(jvms, "*25*")) {
            for (Path dir : dirs) {
                if (Files.isExecutable(dir.resolve("bin/java"))) {
                    return new Jdk(dir, 25);
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** The JDKs to run on: 17 always; 25 when installed, else a placeholder that makes the test skip. */
    public static List<Jdk> all() {
        List<Jdk> jdks = new ArrayList<>();
        jdks.add(current());
        Jdk j25 = jdk25();
        jdks.add(j25 != null ? j25 : new Jdk(null, 25));
        return jdks;
    }

    /** Skips the current test when the JDK is a missing placeholder. */
    public static void assumeInstalled(Jdk jdk) {
        org.junit.jupiter.api.Assumptions.assumeTrue(jdk.home != null,
                "JDK 25 not found: set -Dveil.it.jdk25=/path/to/jdk-25 or VEIL_IT_JDK25 to run the JDK 25 cases");
    }
}
