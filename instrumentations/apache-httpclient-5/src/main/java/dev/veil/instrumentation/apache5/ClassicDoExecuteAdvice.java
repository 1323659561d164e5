package dev.veil.instrumentation.apache5;

import dev.veil.instrumentation.apache.common.NotSent;
import net.bytebuddy.asm.Advice;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;

/**
 * Inlined into the classic {@code doExecute}. Inspects (and may replace) the request entity before the
 * exec chain runs and tees the response entity. When {@code enter} returns null (blocked, Veil could not
 * inspect the prompt under a closed policy, or the advice failed) nothing is sent: the method throws the
 * {@code veil: …} IOException instead.
 */
public final class ClassicDoExecuteAdvice {

    private ClassicDoExecuteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnDefaultValue.class)
    public static ClassicCall enter(@Advice.Argument(0) HttpHost target, @Advice.Argument(1) ClassicHttpRequest request) {
        return ClassicRequests.prepare(target, request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter ClassicCall call,
                            @Advice.Return CloseableHttpResponse response,
                            @Advice.Thrown(readOnly = false) Throwable thrown) {
        if (call == null) {
            thrown = NotSent.take();
            return;
        }
        call.exchanged(response, thrown);
    }
}
