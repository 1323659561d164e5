package dev.veil.instrumentation.apache4;

import dev.veil.instrumentation.apache.common.NotSent;
import net.bytebuddy.asm.Advice;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.client.methods.CloseableHttpResponse;

/**
 * Inlined into {@code doExecute}. Inspects (and may replace) the request entity before the exec chain
 * runs, and tees the response entity. The method runs only when {@code enter} returns the call; when it
 * returns null (blocked, or Veil could not inspect the prompt under a closed policy, or the advice itself
 * failed) nothing is sent and the method throws the {@code veil: …} IOException instead.
 */
public final class DoExecuteAdvice {

    private DoExecuteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnDefaultValue.class)
    public static Apache4Call enter(@Advice.Argument(0) HttpHost target, @Advice.Argument(1) HttpRequest request) {
        return Apache4Requests.prepare(target, request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Apache4Call call,
                            @Advice.Return(readOnly = false) CloseableHttpResponse response,
                            @Advice.Thrown(readOnly = false) Throwable thrown) {
        if (call == null) {
            response = null;
            thrown = NotSent.take();
            return;
        }
        response = call.exchanged(response, thrown);
    }
}
