package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two clean builds of the agent give the same bytes: the committed sources are copied to an empty
 * directory and built again (offline: every artifact is already local after the first build), and the
 * two jars' SHA-256 are compared.
 */
class ReproducibleJarIT {

    @TempDir
    Path copy;

    @Test
    void aSecondCleanBuildGivesTheSameAgentJar() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Process git = new ProcessBuilder("git", "ls-files", "-z").directory(root.toFile()).start();
        String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, git.waitFor());
        for (String name : listing.split("\0")) {
            Path source = root.resolve(name);
            if (!name.isEmpty() && Files.isRegularFile(source)) {
                Path target = copy.resolve(name);
                Files.createDirectories(target.getParent());
                Files.copy(source, target);
            }
        }
        Path log = copy.resolve("build.log");
        Process mvn = new ProcessBuilder(mavenCommand(), "-B", "-q", "-o", "-DskipTests", "package", "-pl", "agent", "-am")
                .directory(copy.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(mvn.waitFor(10, TimeUnit.MINUTES), "second build did not finish in 10 minutes");
        assertEquals(0, mvn.exitValue(), () -> "second build failed:\n" + read(log));

        assertEquals(sha256(ChildJvm.agentJar()), sha256(copy.resolve("agent/target/veil-agent.jar")),
                "the agent jar is not reproducible");
    }

    private static String mavenCommand() {
        String home = System.getProperty("maven.home");
        if (home != null && new File(home, "bin/mvn").canExecute()) {
            return new File(home, "bin/mvn").getPath();
        }
        return "mvn";
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "(no log)";
        }
    }
}
