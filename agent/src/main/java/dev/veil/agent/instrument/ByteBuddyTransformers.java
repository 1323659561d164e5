package dev.veil.agent.instrument;

import dev.veil.bootstrap.Veil;
import dev.veil.instrumentation.api.InstrumentationModule;
import dev.veil.instrumentation.api.TypeInstrumentation;
import dev.veil.instrumentation.api.TypeTransformer;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import java.security.ProtectionDomain;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;

/**
 * Builds the one ByteBuddy transformer for every module's type instrumentations. Advice is inlined
 * (no new members, so retransformation works) and located in the agent class loader; inlined advice
 * may only reference the instrumented library, the JDK and {@code dev.veil.bootstrap}.
 */
final class ByteBuddyTransformers {

    private ByteBuddyTransformers() {
    }

    /**
     * ByteBuddy's "safe" switch (its {@code net.bytebuddy.safe} property, renamed by relocation): without
     * it ByteBuddy probes {@code sun.misc.Unsafe}, which JDK 24+ reports with a warning on stderr. Veil
     * never needs Unsafe; helpers are injected with {@code ClassLoader.defineClass} (see HelperInjector).
     */
    static final String BYTEBUDDY_SAFE_PROPERTY = "dev.veil.shaded.bytebuddy.safe";

    static ClassFileTransformer build(Instrumentation inst, List<InstrumentationModule> modules, ClassLoader agentLoader,
                                      final Logger log) {
        if (System.getProperty(BYTEBUDDY_SAFE_PROPERTY) == null) {
            System.setProperty(BYTEBUDDY_SAFE_PROPERTY, "true");
        }
        AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                .with(new ErrorListener(log))
                .ignore(ElementMatchers.<TypeDescription>none())
                .assureReadEdgeTo(inst, Veil.class);
        ClassFileLocator agentClasses = ClassFileLocator.ForClassLoader.of(agentLoader);
        HelperInjector injector = new HelperInjector(inst, agentLoader);
        for (InstrumentationModule module : modules) {
            AgentBuilder.Transformer helpers = new InjectHelpers(injector, module.helperClassNames());
            for (TypeInstrumentation type : module.typeInstrumentations()) {
                AdviceCollector collector = new AdviceCollector(agentClasses);
                type.transform(collector);
                builder = builder.type(type.typeMatcher()).transform(helpers).transform(collector.advice);
            }
        }
        return builder.makeRaw();
    }

    /** Defines the module's helpers in the instrumented class's loader before its advice is woven in. */
    private static final class InjectHelpers implements AgentBuilder.Transformer {
        private final HelperInjector injector;
        private final List<String> helpers;

        InjectHelpers(HelperInjector injector, List<String> helpers) {
            this.injector = injector;
            this.helpers = helpers;
        }

        @Override
        public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader,
                                                JavaModule module, ProtectionDomain protectionDomain) {
            try {
                injector.inject(loader, module, helpers);
            } catch (Exception e) {
                // Surfaces through the listener's onError; the class is then left as it was.
                throw new IllegalStateException("cannot inject helpers for " + type.getName(), e);
            }
            return builder;
        }
    }

    private static final class AdviceCollector implements TypeTransformer {
        AgentBuilder.Transformer.ForAdvice advice;

        AdviceCollector(ClassFileLocator agentClasses) {
            this.advice = new AgentBuilder.Transformer.ForAdvice()
                    .include(agentClasses)
                    .withExceptionHandler(net.bytebuddy.asm.Advice.ExceptionHandler.Default.SUPPRESSING);
        }

        @Override
        public void applyAdviceToMethod(ElementMatcher<? super MethodDescription> methodMatcher, String adviceClassName) {
            advice = advice.advice(methodMatcher, adviceClassName);
        }
    }

    private static final class ErrorListener extends AgentBuilder.Listener.Adapter {
        private final Logger log;

        ErrorListener(Logger log) {
            this.log = log;
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                                     DynamicType dynamicType) {
            log.debug("instrumented {}", type.getName());
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable t) {
            log.warn("could not instrument {}; the class is left as it was", typeName, t);
        }
    }
}
