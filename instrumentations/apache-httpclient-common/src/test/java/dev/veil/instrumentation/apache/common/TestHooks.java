package dev.veil.instrumentation.apache.common;

import dev.veil.bootstrap.RequestVerdict;
import dev.veil.bootstrap.Veil;
import dev.veil.bootstrap.VeilHooks;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Hooks for the glue's unit tests, installed once per JVM (the first install wins). Calls are recorded
 * on the {@link Recorded} handle the test passes as the call; the request verdict is whatever
 * {@link #verdicts} returns. A proxy, so that new hook methods need no change here.
 */
final class TestHooks {

    /** What the glue reported about one call. */
    static final class Recorded {
        final ByteArrayOutputStream seen = new ByteArrayOutputStream();
        final List<Throwable> ends = new ArrayList<>();
        int endCount;
    }

    static final Object ENDPOINT = new Object();
    static volatile Function<byte[], RequestVerdict> verdicts = body -> RequestVerdict.pass();

    private TestHooks() {
    }

    static synchronized void install() {
        if (Veil.isInstalled()) {
            return;
        }
        VeilHooks hooks = (VeilHooks) Proxy.newProxyInstance(TestHooks.class.getClassLoader(), new Class<?>[] {VeilHooks.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "inspectRequest":
                            return verdicts.apply((byte[]) args[1]);
                        case "interceptionFailed":
                            return RequestVerdict.block("veil: failed: " + ((Throwable) args[1]).getClass().getSimpleName());
                        case "responseChunk":
                            ((Recorded) args[0]).seen.write((byte[]) args[1], (int) args[2], (int) args[3]);
                            return null;
                        case "filterResponseChunk": {
                            // Drops every 'x', so a test can tell filtered bytes from teed ones.
                            ((Recorded) args[0]).seen.write((byte[]) args[1], (int) args[2], (int) args[3]);
                            String text = new String((byte[]) args[1], (int) args[2], (int) args[3], StandardCharsets.UTF_8);
                            return text.replace("x", "").getBytes(StandardCharsets.UTF_8);
                        }
                        case "finishResponseFilter":
                            return "!".getBytes(StandardCharsets.UTF_8);
                        case "callEnded": {
                            Recorded r = (Recorded) args[0];
                            r.endCount++;
                            r.ends.add((Throwable) args[1]);
                            return null;
                        }
                        case "maxPromptBytes":
                            return 1024L;
                        case "matchEndpoint":
                            return ENDPOINT;
                        case "maskLog":
                            return args[0];
                        default:
                            return null;
                    }
                });
        Veil.install(hooks);
    }
}
