package dev.veil.instrumentation.awssdk;

import dev.veil.instrumentation.api.InstrumentationModule;
import dev.veil.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * AWS SDK for Java 2.x. SigV4 signs the payload, so the body cannot be changed below the SDK: Veil adds
 * its own global {@code ExecutionInterceptor} to every client, which sees the marshalled body before the
 * signer runs (see {@link VeilExecutionInterceptor}).
 */
public final class AwsSdkV2Module implements InstrumentationModule {

    static final String CHAIN_FACTORY = "software.amazon.awssdk.core.interceptor.ClasspathInterceptorChainFactory";

    @Override
    public String name() {
        return "aws-sdk-v2";
    }

    @Override
    public List<String> targetClassNames() {
        return Collections.singletonList(CHAIN_FACTORY);
    }

    @Override
    public List<String> helperClassNames() {
        String pkg = AwsSdkV2Module.class.getPackage().getName() + ".";
        return Arrays.asList(pkg + "VeilExecutionInterceptor", pkg + "VeilExecutionInterceptor$Decision",
                pkg + "BodyBytes", pkg + "TeeInputStream", pkg + "TeePublisher", pkg + "TeePublisher$TeeSubscriber");
    }

    @Override
    public int minimumJavaVersion() {
        return 8;
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Collections.<TypeInstrumentation>singletonList(new InterceptorChainFactoryInstrumentation());
    }
}
