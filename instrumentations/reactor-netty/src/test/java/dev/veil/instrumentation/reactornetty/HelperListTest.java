package dev.veil.instrumentation.reactornetty;

import dev.veil.instrumentation.api.HelperLists;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The glue is injected into Reactor Netty's class loader; every class of it must be declared. */
class HelperListTest {

    @Test
    void everyGlueClassIsDeclaredAsAHelper() throws IOException {
        HelperLists.assertEveryGlueClassIsAHelper(new ReactorNettyModule(), "ReactorNettyModule",
                "HttpClientOperationsInstrumentation", "HttpOperationsInstrumentation", "ChannelOperationsInstrumentation",
                "SendObjectAdvice", "SendManyAdvice", "SendUsingAdvice", "SendFormAdvice", "SendFormInstrumentation",
                "SendAdvice", "InboundNextAdvice", "InboundCancelAdvice", "InboundCloseAdvice", "InboundErrorAdvice", "TerminateAdvice");
    }
}
