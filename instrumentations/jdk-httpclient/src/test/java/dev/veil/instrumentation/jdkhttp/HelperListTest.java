package dev.veil.instrumentation.jdkhttp;

import dev.veil.instrumentation.api.HelperLists;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Every class the advice may reach must be injected next to {@code java.net.http}; all of them must be declared. */
class HelperListTest {

    @Test
    void everyGlueClassIsDeclaredAsAHelper() throws IOException {
        HelperLists.assertEveryGlueClassIsAHelper(new JdkHttpClientModule(), "JdkHttpClientModule", "HttpClientImplInstrumentation", "SendAsyncAdvice");
    }
}
