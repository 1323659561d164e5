package dev.veil.agent.testing;

import dev.veil.agent.llm.ResponseInfo;
import dev.veil.agent.llm.ResponseParser;

/**
 * TESTING ONLY: makes the engine or a response parser throw on demand, so the integration tests can prove
 * what happens to each HTTP client when Veil itself fails inside a real child JVM (the way the
 * OpenTelemetry agent gates its testing features behind {@code otel.javaagent.testing.*}).
 *
 * <p>Off unless the JVM is started with the exact system property
 * {@code -Ddev.veil.testing.faults=inject-faults-in-tests-only} (any other value, or a {@code veil.*} key,
 * environment variable or config file, does nothing: it cannot be switched on by accident or from the
 * configuration an operator writes). The agent logs a WARN line at start-up when it is on. When off, each
 * site costs one read of a {@code static final} boolean, which the JIT folds away.
 *
 * <p>When on, a fault fires only where the test put a trigger:
 * <ul>
 *   <li>engine: a prompt string holding {@code VEIL_TEST_FAULT(kind)} makes the prompt scan throw,
 *       kind = {@code runtime} ({@link IllegalStateException}), {@code oom} ({@link OutOfMemoryError}),
 *       {@code stackoverflow} ({@link StackOverflowError}), {@code linkage} ({@link NoClassDefFoundError}),
 *       or {@code slow} (no throw: the scan takes 500 ms longer);</li>
 *   <li>response parser: a response whose {@code Content-Type} holds {@code veil-test-fault=parser} (or
 *       {@code veil-test-fault=parser-oom}) gets a parser that throws on every byte and at the end.</li>
 * </ul>
 */
public final class FaultInjection {
    /** The system property and the one value that enables fault injection. */
    public static final String PROPERTY = "dev.veil.testing.faults";
    public static final String ENABLING_VALUE = "inject-faults-in-tests-only";

    public static final boolean ENABLED = ENABLING_VALUE.equals(readProperty());

    private static final String ENGINE_TRIGGER = "VEIL_TEST_FAULT(";
    private static final String PARSER_TRIGGER = "veil-test-fault=parser";

    private FaultInjection() {
    }

    private static String readProperty() {
        try {
            return System.getProperty(PROPERTY);
        } catch (SecurityException e) {
            return null;
        }
    }

    /** Engine site: throws (or stalls) when {@code text} holds a trigger. Call only under {@code if (ENABLED)}. */
    public static void engine(String text) {
        int at = text.indexOf(ENGINE_TRIGGER);
        if (at < 0) {
            return;
        }
        int end = text.indexOf(')', at);
        String kind = end < 0 ? "" : text.substring(at + ENGINE_TRIGGER.length(), end);
        throwable(kind);
    }

    static void throwable(String kind) {
        if ("oom".equals(kind)) {
            throw new OutOfMemoryError("injected by " + PROPERTY);
        }
        if ("stackoverflow".equals(kind)) {
            throw new StackOverflowError("injected by " + PROPERTY);
        }
        if ("linkage".equals(kind)) {
            throw new NoClassDefFoundError("injected by " + PROPERTY);
        }
        if ("slow".equals(kind)) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        throw new IllegalStateException("injected by " + PROPERTY);
    }

    /** Parser site: {@code parser} itself, or a throwing one when the content type asks for it. Only under {@code ENABLED}. */
    public static ResponseParser parser(ResponseParser parser, String contentType) {
        if (contentType == null || !contentType.contains(PARSER_TRIGGER)) {
            return parser;
        }
        final String kind = contentType.contains(PARSER_TRIGGER + "-oom") ? "oom" : "runtime";
        return new ResponseParser() {
            @Override
            public void onHeader(String name, String value) {
                throwable(kind);
            }

            @Override
            public void onBytes(byte[] b, int off, int len) {
                throwable(kind);
            }

            @Override
            public void onEnd() {
                throwable(kind);
            }

            @Override
            public ResponseInfo result() {
                throwable(kind);
                return null;
            }
        };
    }
}
