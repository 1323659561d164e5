package dev.veil.instrumentation.huc;

import dev.veil.instrumentation.api.HelperLists;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The glue is injected into the boot loader (the advised class is in java.base); all of it must be declared. */
class HelperListTest {

    @Test
    void everyGlueClassIsDeclaredAsAHelper() throws IOException {
        HelperLists.assertEveryGlueClassIsAHelper(new HttpUrlConnectionModule(), "HttpUrlConnectionModule", "HttpUrlConnectionInstrumentation", "WriteRequestsAdvice", "GetInputStreamAdvice", "DisconnectAdvice");
    }
}
