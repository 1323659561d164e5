package dev.veil.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import dev.veil.agent.log.VeilLog;
import org.slf4j.Logger;

/**
 * The only transformer registered at start-up. It costs one hash lookup per loaded class and never
 * loads ByteBuddy until a class that some module instruments is actually loaded; then it builds the
 * ByteBuddy transformer once and hands that class (and every later target) to it. A JVM that never
 * loads an instrumented class never loads ByteBuddy.
 */
public final class LazyInstaller implements ClassFileTransformer {

    /** Runs once, before the first class is transformed: defines the bootstrap API and installs the hooks. */
    public interface Activation {
        void activate() throws Exception;
    }

    private final Instrumentation inst;
    private final Activation activation;
    private final List<ModuleIndex.Entry> modules;
    private final ClassLoader agentLoader;
    /** Created on first use: premain loads no logging classes. */
    private Logger log;
    /** Internal names (with '/') of every target class. */
    private final Set<String> targets;

    private final Object lock = new Object();
    private volatile ModuleAwareTransformer delegate;
    private volatile boolean failed;

    LazyInstaller(Instrumentation inst, Activation activation, List<ModuleIndex.Entry> modules, ClassLoader agentLoader) {
        this.inst = inst;
        this.activation = activation;
        this.modules = modules;
        this.agentLoader = agentLoader;
        Set<String> names = new HashSet<String>();
        for (ModuleIndex.Entry module : modules) {
            for (String name : module.targets) {
                names.add(name.replace('.', '/'));
            }
        }
        this.targets = Collections.unmodifiableSet(names);
    }

    /** Registers the lazy transformer; on a late attach, also retransforms targets already loaded. */
    public static LazyInstaller install(Instrumentation inst, Activation activation, List<ModuleIndex.Entry> modules,
                                        ClassLoader agentLoader, boolean atStartup) {
        LazyInstaller installer = new LazyInstaller(inst, activation, modules, agentLoader);
        inst.addTransformer(installer, true);
        if (!atStartup) {
            installer.retransformLoadedTargets();
        }
        return installer;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className == null || !targets.contains(className) || loader == agentLoader) {
            return null;
        }
        try {
            ModuleAwareTransformer d = delegate();
            return d == null ? null : d.transform(loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
        } catch (Throwable t) {
            log().warn("could not instrument {}; the class is left as it was", className.replace('/', '.'), t);
            return null;
        }
    }

    private synchronized Logger log() {
        if (log == null) {
            log = VeilLog.get(LazyInstaller.class);
        }
        return log;
    }

    private ModuleAwareTransformer delegate() {
        ModuleAwareTransformer d = delegate;
        if (d != null || failed) {
            return d;
        }
        synchronized (lock) {
            if (delegate == null && !failed) {
                try {
                    long start = System.nanoTime();
                    activation.activate();
                    delegate = new ModuleAwareTransformer(inst, ByteBuddyTransformers.build(inst,
                            InstrumentationModules.load(agentLoader, modules), agentLoader, log()));
                    log().debug("instrumentation installed in {} ms", (System.nanoTime() - start) / 1000000);
                    retransformLoadedTargetsLater();
                } catch (Throwable t) {
                    failed = true;
                    log().error("instrumentation could not be installed; LLM calls are NOT inspected", t);
                }
            }
            return delegate;
        }
    }

    /**
     * Targets loaded before the agent (such as {@code java.lang.System}) are retransformed once the
     * instrumentation exists, on a short-lived daemon thread: never from inside this class-load callback.
     */
    private void retransformLoadedTargetsLater() {
        Thread t = new Thread(new Runnable() {
            @Override
            public void run() {
                retransformLoadedTargets();
            }
        }, "veil-retransform");
        t.setDaemon(true);
        t.start();
    }

    private void retransformLoadedTargets() {
        List<Class<?>> loaded = new ArrayList<Class<?>>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (targets.contains(c.getName().replace('.', '/')) && inst.isModifiableClass(c)) {
                loaded.add(c);
            }
        }
        for (Class<?> c : loaded) {
            try {
                inst.retransformClasses(c);
            } catch (Throwable t) {
                log().warn("could not retransform {}", c.getName(), t);
            }
        }
    }
}
