package dev.veil.it.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.it.ChildJvm;
import dev.veil.it.TestSecrets;
import java.util.List;
import java.util.stream.Collectors;

/** The checks every SDK test makes: what reached the server, what the app printed, what Veil parsed. */
final class SdkChecks {

    private SdkChecks() {
    }

    /** A prompt holding an API key and an e-mail address generated for this run. */
    static final class Planted {
        final String key;
        final String email;
        final String prompt;

        Planted(long seed) {
            TestSecrets secrets = new TestSecrets(seed);
            key = secrets.openAiKey();
            email = secrets.email();
            prompt = "Mail " + email + " that the new key is " + key + " and say hello.";
        }

        String[] values() {
            return new String[] {key, email};
        }
    }

    /** One app run without the agent and then with it, against the same fake. */
    static final class Runs {
        final ChildJvm.Result plain;
        final ChildJvm.Result veiled;

        Runs(ChildJvm.Result plain, ChildJvm.Result veiled) {
            this.plain = plain;
            this.veiled = veiled;
        }
    }

    /**
     * Runs the app without the agent (one request, holding the planted e-mail, must reach the fake), clears the
     * fake's record, then runs it with the agent.
     */
    static Runs plainThenVeiled(RecordingServer server, ChildJvm plain, ChildJvm veiled, Planted planted, java.nio.file.Path app,
                                String... args) throws java.io.IOException, InterruptedException {
        ChildJvm.Result p = plain.runJar(app, args);
        List<RecordingServer.Received> got = server.received();
        assertEquals(1, got.size(), p::toString);
        assertTrue(got.get(0).bodyText().contains(planted.email), "the fake must see the prompt without Veil");
        server.clear();
        return new Runs(p, veiled.runJar(app, args));
    }

    /**
     * A redacting run against its plain twin: the same output, the answer (and streamed tokens) the fake
     * sent, the usage the SDK reported, no planted value sent, and the call Veil logged with that usage.
     */
    static void assertRedactedRun(ChildJvm.Result plain, ChildJvm.Result veiled, List<RecordingServer.Received> received,
                                  Planted planted, String provider, boolean streamed, int in, int out) {
        assertSameOutput(plain, veiled, planted);
        assertTrue(veiled.stdout.contains("ANSWER Hello!"), veiled::toString);
        assertTrue(veiled.stdout.contains("USAGE in " + in + " out " + out), veiled::toString);
        if (streamed) {
            assertTrue(veiled.stdout.contains("TOKEN Hel\nTOKEN lo!\n"), veiled::toString);
        }
        assertRedacted(received, planted);
        assertCallLogged(veiled, provider, "redacted", in, out);
    }

    /** Each body the server received is valid JSON, holds Veil's placeholders and none of the planted values. */
    static void assertRedacted(List<RecordingServer.Received> received, Planted planted) {
        assertFalse(received.isEmpty(), "nothing reached the server");
        for (RecordingServer.Received r : received) {
            String body = r.bodyText();
            ProviderFakes.json(r.body);
            for (String v : planted.values()) {
                assertFalse(body.contains(v), "a planted value reached the server: " + body);
            }
            assertTrue(body.contains("[[VEIL:EMAIL_ADDRESS_1]]") && body.contains("[[VEIL:OPENAI_API_KEY_1]]"),
                    "the prompt was not redacted: " + body);
        }
    }

    /** The app printed with Veil exactly what it printed without it, and nothing of the planted values. */
    static void assertSameOutput(ChildJvm.Result plain, ChildJvm.Result veiled, Planted planted) {
        assertEquals(0, veiled.exitCode, veiled::toString);
        assertFalse(plain.stdout.contains("ERROR"), plain::toString);
        assertEquals(plain.stdout, veiled.stdout, "the app's output changed under Veil:\n" + veiled);
        assertNoPlantedValue(veiled, planted);
    }

    static void assertNoPlantedValue(ChildJvm.Result run, Planted planted) {
        for (String v : planted.values()) {
            assertFalse(run.stdout.contains(v), "a planted value appeared on stdout:\n" + run);
            assertFalse(run.stderr.contains(v), "a planted value appeared on stderr:\n" + run);
        }
    }

    /** Exactly one call was logged at debug level, with this provider, action and token usage. */
    static void assertCallLogged(ChildJvm.Result run, String provider, String action, int in, int out) {
        List<String> calls = run.agentLines().stream().filter(l -> l.contains(" tokens in ")).collect(Collectors.toList());
        assertEquals(1, calls.size(), "expected one call line:\n" + run);
        String line = calls.get(0);
        assertTrue(line.contains("[veil] DEBUG " + provider + " "), line);
        assertTrue(line.contains(": " + action + " with"), line);
        assertTrue(line.contains("tokens in " + in + " out " + out), line);
        assertFalse(line.contains("ended by"), line);
    }

    /** Block mode: the SDK's own error, with Veil's message, and nothing sent. */
    static void assertBlocked(ChildJvm.Result run, List<RecordingServer.Received> received, String exceptionClass,
                              Planted planted) {
        String error = run.line("ERROR");
        assertTrue(error.startsWith("ERROR " + exceptionClass + ": "), "unexpected error type:\n" + run);
        assertTrue(error.contains("veil: blocked"), error);
        assertTrue(error.contains("openai_api_key") && error.contains("email"), error);
        assertTrue(received.isEmpty(), "a blocked request reached the server");
        assertNoPlantedValue(run, planted);
    }

    /**
     * Block mode in an app that goes on after the error: the SDK's own exception, carrying Veil's message either
     * in its own message or (SDKs that wrap every I/O failure in a fixed message) in the cause the app's stack trace
     * shows; none of the blocked prompt sent, and the app's next (clean) call answered.
     */
    static void assertBlockedThenRecovered(ChildJvm.Result run, List<RecordingServer.Received> received, String exceptionClass,
                                           String veilCauseClass, Planted planted) {
        assertEquals(0, run.exitCode, run::toString);
        String error = run.line("ERROR");
        assertTrue(error.startsWith("ERROR " + exceptionClass + ": "), "unexpected error type:\n" + run);
        String reason = veilCauseClass == null ? error : run.line("CAUSE " + veilCauseClass + ": ");
        assertTrue(reason.contains(": veil: blocked: "), "Veil's reason is not where expected:\n" + run);
        assertTrue(reason.contains("openai_api_key") && reason.contains("email"), reason);
        assertEquals("AFTER Hello!", run.line("AFTER"), run::toString);
        assertEquals(1, received.size(), "only the clean call may reach the server:\n" + run);
        assertTrue(received.get(0).bodyText().contains("Say hello."), received.get(0).bodyText());
        assertNoPlantedValue(run, planted);
    }

    /**
     * An SDK's own debug wire log, printed with the agent attached: it is there (it names the request path), and
     * neither the client's API key nor the prompt's key appears in it; Veil's placeholders show where they were.
     */
    static void assertDebugLogMasked(ChildJvm.Result run, String apiKey, Planted planted, String path) {
        assertEquals(0, run.exitCode, run::toString);
        assertTrue(run.stdout.contains("ANSWER Hello!"), run::toString);
        assertTrue(run.stderr.contains(path), "the SDK logged nothing:\n" + run);
        assertFalse(run.stderr.contains(apiKey), "the API key reached the log:\n" + run);
        assertFalse(run.stderr.contains(apiKey.substring(8, 40)), "part of the API key reached the log:\n" + run);
        assertFalse(run.stderr.contains(planted.key), "the prompt's key reached the log:\n" + run);
        assertTrue(run.stderr.contains("[[VEIL:OPENAI_API_KEY"), "no masked value in the log:\n" + run);
    }
}
