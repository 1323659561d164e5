package dev.veil.instrumentation.apache4;

import dev.veil.instrumentation.api.InstrumentationModule;
import dev.veil.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Apache HttpClient 4.3–4.5 ({@code org.apache.httpcomponents:httpclient}). Every {@code execute}
 * overload of {@code CloseableHttpClient} calls the abstract {@code doExecute(HttpHost, HttpRequest,
 * HttpContext)}; the library's implementations of it are advised. A custom subclass that delegates to a
 * client built by {@code HttpClientBuilder}/{@code HttpClients} is seen through that client.
 */
public final class ApacheHttpClient4Module implements InstrumentationModule {

    static final List<String> CLIENTS = Collections.unmodifiableList(Arrays.asList(
            "org.apache.http.impl.client.InternalHttpClient",
            "org.apache.http.impl.client.MinimalHttpClient",
            // The deprecated DefaultHttpClient family.
            "org.apache.http.impl.client.AbstractHttpClient"));

    private static final String COMMON = "dev.veil.instrumentation.apache.common.";

    @Override
    public String name() {
        return "apache-httpclient-4.5";
    }

    @Override
    public List<String> targetClassNames() {
        return CLIENTS;
    }

    @Override
    public List<String> helperClassNames() {
        String pkg = ApacheHttpClient4Module.class.getPackage().getName() + ".";
        return Arrays.asList(
                COMMON + "ResponseTee", COMMON + "BoundedBody", COMMON + "BoundedBody$TooLarge", COMMON + "NotSent",
                COMMON + "RequestTarget", COMMON + "RequestInspection", COMMON + "RequestInspection$Body", COMMON + "TeedContent",
                pkg + "Apache4Requests", pkg + "Apache4Requests$EntityBody", pkg + "Apache4Call", pkg + "SentEntity",
                pkg + "TeeingEntity", pkg + "TeeingResponse");
    }

    @Override
    public int minimumJavaVersion() {
        return 8;
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Collections.<TypeInstrumentation>singletonList(new DoExecuteInstrumentation());
    }
}
