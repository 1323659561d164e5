package dev.veil.instrumentation.awssdk;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.veil.instrumentation.api.TypeInstrumentation;
import dev.veil.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every AWS SDK v2 client builder asks {@code ClasspathInterceptorChainFactory.getGlobalInterceptors()} for
 * the interceptors listed in {@code software/amazon/awssdk/global/handlers/execution.interceptors}
 * (SdkDefaultClientBuilder.resolveExecutionInterceptors). Appending Veil's interceptor to the list it returns
 * is what a service file on the class path would do, without touching the application's class path.
 */
final class InterceptorChainFactoryInstrumentation implements TypeInstrumentation {

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return named(AwsSdkV2Module.CHAIN_FACTORY);
    }

    @Override
    public void transform(TypeTransformer transformer) {
        transformer.applyAdviceToMethod(named("getGlobalInterceptors").and(isPublic()).and(takesArguments(0)),
                GlobalInterceptorsAdvice.class.getName());
    }
}
