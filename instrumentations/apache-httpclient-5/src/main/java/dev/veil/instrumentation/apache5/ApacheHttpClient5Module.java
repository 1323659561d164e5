package dev.veil.instrumentation.apache5;

import dev.veil.instrumentation.api.InstrumentationModule;
import dev.veil.instrumentation.api.TypeInstrumentation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Apache HttpClient 5 ({@code org.apache.httpcomponents.client5:httpclient5}, 5.0 onwards), classic and
 * async. Every {@code execute} overload of the classic {@code CloseableHttpClient} calls
 * {@code doExecute(HttpHost, ClassicHttpRequest, HttpContext)}; every {@code execute} of
 * {@code CloseableHttpAsyncClient} (all final) calls {@code doExecute(HttpHost, AsyncRequestProducer,
 * AsyncResponseConsumer, HandlerFactory, HttpContext, FutureCallback)}. The library's implementations
 * of both are advised.
 */
public final class ApacheHttpClient5Module implements InstrumentationModule {

    static final List<String> CLASSIC_CLIENTS = Collections.unmodifiableList(Arrays.asList(
            "org.apache.hc.client5.http.impl.classic.InternalHttpClient",
            "org.apache.hc.client5.http.impl.classic.MinimalHttpClient"));

    static final List<String> ASYNC_CLIENTS = Collections.unmodifiableList(Arrays.asList(
            // InternalHttpAsyncClient and InternalH2AsyncClient inherit doExecute from here.
            "org.apache.hc.client5.http.impl.async.InternalAbstractHttpAsyncClient",
            // MinimalHttpAsyncClient and MinimalH2AsyncClient.
            "org.apache.hc.client5.http.impl.async.AbstractMinimalHttpAsyncClientBase"));

    private static final String COMMON = "dev.veil.instrumentation.apache.common.";

    @Override
    public String name() {
        return "apache-httpclient-5";
    }

    @Override
    public List<String> targetClassNames() {
        List<String> all = new ArrayList<String>(CLASSIC_CLIENTS);
        all.addAll(ASYNC_CLIENTS);
        return Collections.unmodifiableList(all);
    }

    @Override
    public List<String> helperClassNames() {
        String pkg = ApacheHttpClient5Module.class.getPackage().getName() + ".";
        return Arrays.asList(
                COMMON + "ResponseTee", COMMON + "BoundedBody", COMMON + "BoundedBody$TooLarge", COMMON + "NotSent",
                COMMON + "RequestTarget", COMMON + "RequestInspection", COMMON + "RequestInspection$Body", COMMON + "TeedContent",
                pkg + "Targets", pkg + "ClassicRequests", pkg + "ClassicRequests$EntityBody", pkg + "ClassicCall",
                pkg + "BytesEntity", pkg + "TeeingEntity",
                pkg + "AsyncRequests", pkg + "AsyncRequests$Head", pkg + "AsyncRequests$ProducerBody", pkg + "AsyncRequests$Drain", pkg + "AsyncCall",
                pkg + "BytesEntityProducer", pkg + "TeeingResponseConsumer");
    }

    @Override
    public int minimumJavaVersion() {
        return 8;
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Arrays.<TypeInstrumentation>asList(new ClassicInstrumentation(), new AsyncInstrumentation());
    }
}
