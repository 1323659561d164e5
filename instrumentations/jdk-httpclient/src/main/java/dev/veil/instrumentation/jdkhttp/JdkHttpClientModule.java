package dev.veil.instrumentation.jdkhttp;

import dev.veil.instrumentation.api.InstrumentationModule;
import dev.veil.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** {@code java.net.http.HttpClient} (Java 11+): every call funnels through one private method of HttpClientImpl. */
public final class JdkHttpClientModule implements InstrumentationModule {

    static final String HTTP_CLIENT_IMPL = "jdk.internal.net.http.HttpClientImpl";

    @Override
    public String name() {
        return "jdk-httpclient";
    }

    @Override
    public List<String> targetClassNames() {
        return Collections.singletonList(HTTP_CLIENT_IMPL);
    }

    @Override
    public List<String> helperClassNames() {
        String pkg = JdkHttpClientModule.class.getPackage().getName() + ".";
        return Arrays.asList(pkg + "JdkHttpRequests", pkg + "JdkHttpCall", pkg + "BodyCollector", pkg + "BlockedRequest",
                pkg + "TeeingBodyHandler", pkg + "TeeingBodySubscriber", pkg + "TeeingBodySubscriber$AppSubscription");
    }

    @Override
    public int minimumJavaVersion() {
        return 11;
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Collections.<TypeInstrumentation>singletonList(new HttpClientImplInstrumentation());
    }
}
