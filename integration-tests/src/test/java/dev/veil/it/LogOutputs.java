package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the bytes a logging test app wrote (console and files) against the log scenario of
 * {@code test-apps/log-scenario}: no fragment of any planted secret, every benign line intact and in
 * order, every secret-bearing event present (masked, not dropped) and in order.
 */
public final class LogOutputs {

    /** What {@code LogScenario} writes: 3 rounds of 9 cases, one benign line before each and one at the end. */
    static final int ROUNDS = 3;
    static final int CASES = 9;
    static final int BENIGN = ROUNDS * CASES + 1;
    /** The case that writes straight to System.out / System.err instead of through the framework. */
    static final int CONSOLE_CASE = 8;

    private LogOutputs() {
    }

    /** The planted secrets, generated for this run. */
    public static final class Planted {
        final String key1;
        final String key2;
        final String hexKey;

        Planted(long seed) {
            TestSecrets secrets = new TestSecrets(seed);
            this.key1 = secrets.openAiKey();
            this.key2 = secrets.openAiKey();
            this.hexKey = secrets.hex32();
        }

        String[] args() {
            return new String[] {key1, key2, hexKey};
        }

        /** Any 12-character window of a secret counts as a leak (a partly masked key is still a leak). */
        void assertAbsentFrom(String what, String text) {
            for (String secret : new String[] {key1, key2, hexKey}) {
                for (int i = 0; i + 12 <= secret.length(); i += 6) {
                    String fragment = secret.substring(i, i + 12);
                    int at = text.indexOf(fragment);
                    if (at >= 0) {
                        int lineStart = text.lastIndexOf('\n', at) + 1;
                        int lineEnd = text.indexOf('\n', at);
                        fail(what + " leaks a planted secret in: " + text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd));
                    }
                }
            }
        }
    }

    public static String read(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), "no log file " + file);
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /**
     * Framework output: every benign line and every framework event marker (cases 0-7) in order, and
     * at least {@code minMasked} placeholders. Events of {@code asyncCases} (logged through async
     * loggers, written by another thread) are checked for presence and order among themselves only:
     * the framework itself does not keep their order relative to synchronous loggers.
     */
    public static void assertFrameworkOutput(String what, String text, Planted planted, int minMasked, int... asyncCases) {
        planted.assertAbsentFrom(what, text);
        List<String> expected = new ArrayList<>();
        List<String> async = new ArrayList<>();
        int benign = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int c = 0; c < CASES; c++) {
                expected.add(String.format("benign-%03d order=%d status=ok", ++benign, benign));
                if (c != CONSOLE_CASE) {
                    boolean isAsync = false;
                    for (int a : asyncCases) {
                        isAsync |= a == c;
                    }
                    (isAsync ? async : expected).add("SECRET-" + round + "-" + c);
                }
            }
        }
        expected.add(String.format("benign-%03d order=%d status=ok", BENIGN, BENIGN));
        assertInOrder(what, text, expected);
        assertInOrder(what + " (async loggers)", text, async);
        int masked = count(text, "[[VEIL:");
        assertTrue(masked >= minMasked, what + ": expected at least " + minMasked + " masked values, found " + masked + "\n" + text);
    }

    /** The console-only case: its stdout/stderr lines arrive, masked, in order. */
    public static void assertConsoleCase(String what, String text, String stream, Planted planted) {
        planted.assertAbsentFrom(what, text);
        List<String> expected = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            expected.add("SECRET-" + round + "-" + CONSOLE_CASE + " " + stream);
        }
        assertInOrder(what, text, expected);
        for (String line : text.split("\n")) {
            if (line.contains("-" + CONSOLE_CASE + " " + stream)) {
                assertTrue(line.contains("[[VEIL:"), what + ": not masked: " + line);
            }
        }
    }

    /** The context case: the apps also push {@code "tenant-7 " + key} on the NDC; every line of it shows the NDC masked, not dropped. */
    public static void assertMaskedNdc(String what, String text) {
        int lines = 0;
        for (String line : text.split("\n")) {
            if (line.matches(".*SECRET-\\d-2 .*")) {
                lines++;
                assertTrue(line.contains("tenant-7 [[VEIL:"), what + ": NDC not masked or missing: " + line);
            }
        }
        assertTrue(lines >= ROUNDS, what + ": expected the context case's lines, found " + lines);
    }

    static void assertInOrder(String what, String text, List<String> expected) {
        int from = 0;
        for (String e : expected) {
            int at = text.indexOf(e, from);
            if (at < 0) {
                int anywhere = text.indexOf(e);
                fail(what + ": " + (anywhere < 0 ? "missing " : "out of order ") + "'" + e + "' in:\n" + text);
            }
            from = at + e.length();
        }
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
