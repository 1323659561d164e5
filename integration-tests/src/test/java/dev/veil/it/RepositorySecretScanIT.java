package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.agent.detect.Category;
import dev.veil.agent.detect.Engine;
import dev.veil.agent.detect.Finding;
import dev.veil.launcher.ClassPack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The repository and the built agent jar hold no secret that Veil's own detectors recognise: every
 * key-shaped test value must be generated at test time, never committed.
 */
class RepositorySecretScanIT {

    private static final Engine ENGINE = Engine.defaults();

    @Test
    void noCommittedFileHoldsASecret() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Process git = new ProcessBuilder("git", "ls-files", "-z").directory(root.toFile()).redirectErrorStream(true).start();
        String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        git.waitFor();
        List<String> problems = new ArrayList<>();
        int scanned = 0;
        for (String name : listing.split("\0")) {
            if (name.isEmpty()) {
                continue;
            }
            Path file = root.resolve(name);
            if (!Files.isRegularFile(file) || Files.size(file) > 4 * 1024 * 1024) {
                continue;
            }
            scanned++;
            scan(name, new String(Files.readAllBytes(file), StandardCharsets.UTF_8), problems);
        }
        assertTrue(scanned > 50, "git ls-files listed only " + scanned + " files");
        assertTrue(problems.isEmpty(), "committed secrets:\n" + String.join("\n", problems));
    }

    @Test
    void theAgentJarHoldsNoSecret() throws Exception {
        List<String> problems = new ArrayList<>();
        int packed = 0;
        try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile(), false)) {
            for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.getName().equals(ClassPack.ENTRY)) {
                    // The isolated classes, each compressed on its own: scan them one by one.
                    ClassPack pack = ClassPack.open(jar);
                    for (int i = 0; i < pack.size(); i++) {
                        scan(ClassPack.ENTRY + "!" + pack.name(i), new String(pack.read(i), StandardCharsets.ISO_8859_1), problems);
                        packed++;
                    }
                } else if (!entry.isDirectory()) {
                    // Class files are scanned as Latin-1 text: their string constants appear verbatim.
                    scan(entry.getName(), new String(read(jar, entry), StandardCharsets.ISO_8859_1), problems);
                }
            }
        }
        assertTrue(packed > 1000, "the agent jar's class pack held only " + packed + " classes");
        assertTrue(problems.isEmpty(), "secrets in the agent jar:\n" + String.join("\n", problems));
    }

    private static void scan(String name, String text, List<String> problems) {
        for (Finding f : ENGINE.scan(text)) {
            if (f.category() == Category.SECRET) {
                int line = 1;
                for (int i = 0; i < f.start(); i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                    }
                }
                // Never print the value itself: the id and the place are enough to find it.
                problems.add(name + ":" + line + " " + f.detectorId());
            }
        }
    }

    private static byte[] read(ZipFile jar, ZipEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
