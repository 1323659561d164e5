package dev.veil.instrumentation.huc;

import dev.veil.instrumentation.api.InstrumentationModule;
import dev.veil.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * {@code java.net.HttpURLConnection} through the JDK's own http handler
 * ({@code sun.net.www.protocol.http.HttpURLConnection}, also the delegate behind https). The class is in
 * {@code java.base}, so the glue is injected into the boot loader.
 */
public final class HttpUrlConnectionModule implements InstrumentationModule {

    static final String HTTP_URL_CONNECTION = "sun.net.www.protocol.http.HttpURLConnection";

    @Override
    public String name() {
        return "httpurlconnection";
    }

    @Override
    public List<String> targetClassNames() {
        return Collections.singletonList(HTTP_URL_CONNECTION);
    }

    @Override
    public List<String> helperClassNames() {
        String pkg = HttpUrlConnectionModule.class.getPackage().getName() + ".";
        return Arrays.asList(pkg + "HucRequests", pkg + "HucCall", pkg + "TeeInputStream");
    }

    @Override
    public int minimumJavaVersion() {
        return 8;
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Collections.<TypeInstrumentation>singletonList(new HttpUrlConnectionInstrumentation());
    }
}
