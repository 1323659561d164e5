package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real HTTP wire loggers into Logback ({@code test-apps/wire-log-app}): Apache HttpClient 4
 * ({@code org.apache.http.wire}/{@code headers} via commons-logging and SLF4J), Apache HttpClient 5
 * ({@code org.apache.hc.client5.http.wire}/{@code headers}) and OkHttp's {@code HttpLoggingInterceptor}
 * (BODY and HEADERS), each sending {@code Authorization}, {@code x-api-key} and {@code api-key} headers
 * and keys in a JSON body to a server on 127.0.0.1, which answers with a token. The Apache clients cut
 * the body key across two wire events (asserted, so the split case is really exercised). No fragment of
 * any key in the console or the file; every benign line and every wire event there, in order.
 */
class WireLoggersIT {

    private static final String APP = "wire-log-app";
    /** Benign lines the app logs: before each of 4 clients in 2 rounds, and one at the end. */
    private static final int BENIGN = 9;

    @TempDir
    Path logs;

    @Test
    void noKeyReachesTheLogsFromAnyWireLoggerAndNoLineIsLost() throws Exception {
        LogOutputs.Planted planted = new LogOutputs.Planted(7707);
        ChildJvm.Result run = ChildJvm.on(Jdks.current()).property("log.dir", logs.toString())
                .runJar(ChildJvm.testAppJar(APP, "wire-log-app.jar"), planted.args());

        assertEquals(0, run.exitCode, run::toString);
        String file = LogOutputs.read(logs.resolve("wire.log"));
        for (String[] output : new String[][] {{"wire.log", file}, {"stdout", run.stdout}, {"stderr", run.stderr}}) {
            planted.assertAbsentFrom(output[0], output[1]);
        }
        for (String text : new String[] {file, run.stdout}) {
            LogOutputs.assertInOrder("benign lines", text, benignLines());
            LogOutputs.assertInOrder("one round of wire events", text, List.of(
                    "org.apache.http.headers - http-outgoing-0 >> POST /internal/upload HTTP/1.1",
                    "org.apache.http.headers - http-outgoing-0 >> Authorization: Bearer [[VEIL:",
                    "org.apache.http.wire - http-outgoing-0 >> \"x-api-key: [[VEIL:",
                    "org.apache.http.wire - http-outgoing-0 >> \"api-key: [[VEIL:",
                    "org.apache.http.wire - http-outgoing-0 << \"HTTP/1.1 200 OK[\\r][\\n]\"",
                    "org.apache.hc.client5.http.headers - http-outgoing-0 >> Authorization: Bearer [[VEIL:",
                    "org.apache.hc.client5.http.wire - http-outgoing-0 >> \"x-api-key: [[VEIL:",
                    "org.apache.hc.client5.http.wire - http-outgoing-0 << \"HTTP/1.1 200 OK[\\r][\\n]\"",
                    "okhttp3.logging - --> POST http://127.0.0.1:",
                    "okhttp3.logging - Authorization: Bearer [[VEIL:",
                    "okhttp3.logging - x-api-key: [[VEIL:",
                    "okhttp3.logging - api-key: [[VEIL:",
                    "okhttp3.logging - {\"batch\":\"orders\"",
                    "okhttp3.logging - --> END POST",
                    "okhttp3.logging - <-- 200 OK",
                    "okhttp3.logging - {\"status\":\"stored\",\"session_token\":\"[[VEIL:",
                    "okhttp3.logging - <-- END HTTP",
                    "okhttp3.logging - --> POST http://127.0.0.1:",
                    "okhttp3.logging - Authorization: Bearer [[VEIL:",
                    "okhttp3.logging - --> END POST"));
        }
        // the body key was cut by the Apache clients' wire loggers: one event ends inside it, masked
        for (String logger : new String[] {"org.apache.http.wire", "org.apache.hc.client5.http.wire"}) {
            assertTrue(file.contains(logger + " - http-outgoing-0 >> \"{\"batch\":\"orders\"")
                            && containsLine(file, logger, "\"api_key\":\"[[VEIL:SPLIT_SECRET]]\""),
                    logger + ": the key was not cut across two events (or not masked there):\n" + file);
        }
    }

    /** The control: without Veil the same run writes the keys (cut in two by the Apache wire loggers). */
    @Test
    void withoutVeilTheKeysAreInTheLogs() throws Exception {
        LogOutputs.Planted planted = new LogOutputs.Planted(7708);
        ChildJvm.Result run = ChildJvm.on(Jdks.current()).withoutAgent().property("log.dir", logs.toString())
                .runJar(ChildJvm.testAppJar(APP, "wire-log-app.jar"), planted.args());

        assertEquals(0, run.exitCode, run::toString);
        String file = LogOutputs.read(logs.resolve("wire.log"));
        assertThrows(AssertionError.class, () -> planted.assertAbsentFrom("wire.log", file));
        LogOutputs.assertInOrder("benign lines", file, benignLines());
    }

    private static List<String> benignLines() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= BENIGN; i++) {
            lines.add(String.format("app.orders - benign-%03d order=%d status=ok", i, i));
        }
        return lines;
    }

    private static boolean containsLine(String text, String logger, String ending) {
        for (String line : text.split("\n")) {
            if (line.contains(logger) && line.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }
}
