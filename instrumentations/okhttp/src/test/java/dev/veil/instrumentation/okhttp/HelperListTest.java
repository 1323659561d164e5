package dev.veil.instrumentation.okhttp;

import dev.veil.instrumentation.api.HelperLists;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The interceptor and its glue are injected into OkHttp's class loader; all of them must be declared. */
class HelperListTest {

    @Test
    void everyGlueClassIsDeclaredAsAHelper() throws IOException {
        HelperLists.assertEveryGlueClassIsAHelper(new OkHttpModule(), "OkHttpModule", "OkHttpClientInstrumentation", "ClientConstructorAdvice");
    }
}
