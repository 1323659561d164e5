package dev.veil.instrumentation.awssdk;

import java.util.List;
import net.bytebuddy.asm.Advice;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Inlined into {@code ClasspathInterceptorChainFactory.getGlobalInterceptors()}: appends Veil's interceptor
 * (a helper defined in the SDK's own class loader) to the global interceptors of the client being built.
 * If this fails the client is built without it, and the agent log has said the class could not be
 * instrumented or the helper injected.
 */
public final class GlobalInterceptorsAdvice {

    private GlobalInterceptorsAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.Return(readOnly = false) List<ExecutionInterceptor> interceptors) {
        interceptors = VeilExecutionInterceptor.withVeil(interceptors);
    }
}
