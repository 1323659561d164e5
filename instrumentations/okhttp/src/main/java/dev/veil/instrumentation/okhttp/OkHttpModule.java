package dev.veil.instrumentation.okhttp;

import dev.veil.instrumentation.api.InstrumentationModule;
import dev.veil.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * OkHttp 3.x, 4.x and 5.x (package {@code okhttp3} in all): every {@code OkHttpClient} gets Veil's
 * application interceptor when it is constructed, so sync {@code execute} and async {@code enqueue} both
 * pass through it once per call (not per retry or redirect).
 */
public final class OkHttpModule implements InstrumentationModule {

    static final String OK_HTTP_CLIENT = "okhttp3.OkHttpClient";

    @Override
    public String name() {
        return "okhttp";
    }

    @Override
    public List<String> targetClassNames() {
        return Collections.singletonList(OK_HTTP_CLIENT);
    }

    @Override
    public List<String> helperClassNames() {
        String pkg = OkHttpModule.class.getPackage().getName() + ".";
        return Arrays.asList(pkg + "VeilInterceptor", pkg + "OkHttpRequests", pkg + "OkHttpRequests$Prepared", pkg + "BytesRequestBody",
                pkg + "CappedSink", pkg + "TeeResponseBody", pkg + "TeeSource");
    }

    @Override
    public int minimumJavaVersion() {
        return 8;
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Collections.<TypeInstrumentation>singletonList(new OkHttpClientInstrumentation());
    }
}
