package dev.veil.instrumentation.azurecore;

import dev.veil.instrumentation.api.HelperLists;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Veil's policies and the response tee are injected into azure-core's class loader; all must be declared. */
class HelperListTest {

    @Test
    void everyGlueClassIsDeclaredAsAHelper() throws IOException {
        HelperLists.assertEveryGlueClassIsAHelper(new AzureCoreModule(), "AzureCoreModule", "HttpPipelineInstrumentation",
                "PipelineConstructorAdvice");
    }
}
