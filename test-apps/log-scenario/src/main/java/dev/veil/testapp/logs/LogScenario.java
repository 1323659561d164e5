package dev.veil.testapp.logs;

import java.io.IOException;

/**
 * Benign lines interleaved with secret-bearing events of every kind: in the message, as an argument,
 * in the context map, as a key-value pair, in exception messages (with cause and suppressed), in
 * wire-logger-shaped output (OkHttp, Apache HttpClient 4/5, LangChain4j, one header per event and
 * multi-line), and straight on System.out/System.err. The secrets come from the command line.
 *
 * <p>Every benign line is {@code benign-NNN order=N status=ok}; every secret event carries a marker
 * {@code SECRET-R-C} (round, case) so a test can check that nothing was dropped or reordered.
 */
public final class LogScenario {
    private LogScenario() {
    }

    public static final int ROUNDS = 3;
    public static final int CASES = 9;
    static final String APP = "com.example.shop.CheckoutService";

    /** {@code keys}: two OpenAI-shaped keys and one 32-hex Azure-style key. */
    public static void run(LogSink sink, String key1, String key2, String hexKey) {
        int benign = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int c = 0; c < CASES; c++) {
                sink.info(APP, benignLine(++benign));
                String marker = "SECRET-" + round + "-" + c;
                secretEvent(sink, c, marker, key1, key2, hexKey);
            }
        }
        sink.info(APP, benignLine(++benign));
        System.out.println("SCENARIO DONE " + benign);
        sink.shutdown();
    }

    public static String benignLine(int n) {
        return String.format("benign-%03d order=%d status=ok", n, n);
    }

    private static void secretEvent(LogSink sink, int c, String marker, String key1, String key2, String hexKey) {
        switch (c) {
            case 0:
                sink.info(APP, marker + " calling the model with key " + key1);
                break;
            case 1:
                sink.infoWithArg(APP, marker + " configured key {} for tenant 7", key2);
                break;
            case 2:
                sink.infoWithContext(APP, "apiKey", key1, marker + " request with context");
                break;
            case 3:
                IllegalStateException e = new IllegalStateException(marker + " upstream rejected key " + key1,
                        new IOException("401 Unauthorized for " + key2));
                e.addSuppressed(new RuntimeException("cleanup saw Authorization: Bearer " + key1));
                sink.error(APP, marker + " call failed", e);
                break;
            case 4: // OkHttp HttpLoggingInterceptor (HEADERS and BODY): one line per event
                sink.info("okhttp3.OkHttpClient", "--> POST https://api.openai.com/v1/chat/completions " + marker);
                sink.info("okhttp3.OkHttpClient", "Authorization: Bearer " + key1);
                sink.info("okhttp3.OkHttpClient", "{\"model\":\"gpt-4o-mini\",\"api_key\":\"" + key2 + "\"}");
                sink.info("okhttp3.OkHttpClient", "--> END POST (64-byte body)");
                break;
            case 5: // Apache HttpClient 4 and 5 header and wire logs
                sink.info("org.apache.http.headers", "http-outgoing-0 >> POST /v1/chat/completions HTTP/1.1 " + marker);
                sink.info("org.apache.http.headers", "http-outgoing-0 >> Authorization: Bearer " + key1);
                sink.info("org.apache.http.wire", "http-outgoing-0 >> \"x-api-key: " + key2 + "[\\r][\\n]\"");
                sink.info("org.apache.hc.client5.http.headers", "http-outgoing-1 >> api-key: " + hexKey);
                break;
            case 6: // LangChain4j request logging: one multi-line event
                sink.info("dev.langchain4j.http.client.log.LoggingHttpClient", "HTTP request " + marker + ":\n"
                        + "- method: POST\n- url: https://contoso.openai.azure.com/openai/deployments/gpt/chat/completions\n"
                        + "- headers: [api-key: " + hexKey + "], [Authorization: Bearer " + key1 + "]\n"
                        + "- body: {\"messages\":[{\"role\":\"user\",\"content\":\"my key is " + key2 + "\"}]}");
                break;
            case 7:
                sink.infoWithKeyValue(APP, "credential", key2, marker + " with key-value pair");
                break;
            default: // straight to the console, like openai-java's OPENAI_LOG=debug
                System.out.println(marker + " stdout request headers: Authorization: Bearer " + key1);
                System.err.println(marker + " stderr x-api-key: " + key2);
                break;
        }
    }
}
