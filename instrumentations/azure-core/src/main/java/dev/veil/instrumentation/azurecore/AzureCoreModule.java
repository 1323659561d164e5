package dev.veil.instrumentation.azurecore;

import dev.veil.instrumentation.api.InstrumentationModule;
import dev.veil.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * azure-core, the HTTP stack of every Azure SDK for Java (azure-ai-openai among them). Every SDK client sends
 * through an {@code HttpPipeline}; Veil adds two policies to each pipeline when it is built, so it works the
 * same whatever {@code HttpClient} transport sends the request (Reactor Netty by default, OkHttp, the JDK
 * client, Vert.x or the application's own): see {@link VeilCallPolicy} and {@link VeilSendPolicy}.
 */
public final class AzureCoreModule implements InstrumentationModule {

    static final String HTTP_PIPELINE = "com.azure.core.http.HttpPipeline";

    @Override
    public String name() {
        return "azure-core";
    }

    @Override
    public List<String> targetClassNames() {
        return Collections.singletonList(HTTP_PIPELINE);
    }

    @Override
    public List<String> helperClassNames() {
        String pkg = AzureCoreModule.class.getPackage().getName() + ".";
        return Arrays.asList(pkg + "VeilPolicies", pkg + "VeilCallPolicy", pkg + "VeilSendPolicy", pkg + "AzureCall",
                pkg + "AzureRequests", pkg + "AzureRequests$Sent", pkg + "AzureRequests$CappedBytes", pkg + "TeeingHttpResponse");
    }

    @Override
    public int minimumJavaVersion() {
        return 8;
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Collections.<TypeInstrumentation>singletonList(new HttpPipelineInstrumentation());
    }
}
