package dev.veil.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Set;

/**
 * Calls ByteBuddy's transformer with the module of the class being defined. The JVM gives the module
 * only to the Java 9+ overload of {@code transform}, which this Java 8 agent cannot declare; the lazy
 * installer receives the Java 8 overload, so the module is looked up here (boot layer, by package) and
 * the Java 9+ overload is called reflectively. ByteBuddy needs the module to add the read edge from,
 * for example, {@code java.net.http} to the bootstrap API that inlined advice calls.
 */
final class ModuleAwareTransformer {

    private final ClassFileTransformer target;
    private final Method moduleTransform;
    private final Object bootLayer;
    private final Method layerModules;
    private final Method modulePackages;

    ModuleAwareTransformer(Instrumentation inst, ClassFileTransformer target) {
        this.target = target;
        Method transform = null;
        Object layer = null;
        Method modules = null;
        Method packages = null;
        try {
            Class<?> moduleClass = Class.forName("java.lang.Module");
            Class<?> layerClass = Class.forName("java.lang.ModuleLayer");
            transform = ClassFileTransformer.class.getMethod("transform", moduleClass, ClassLoader.class, String.class,
                    Class.class, ProtectionDomain.class, byte[].class);
            layer = layerClass.getMethod("boot").invoke(null);
            modules = layerClass.getMethod("modules");
            packages = moduleClass.getMethod("getPackages");
        } catch (Exception java8) {
            transform = null;
        }
        this.moduleTransform = transform;
        this.bootLayer = layer;
        this.layerModules = modules;
        this.modulePackages = packages;
    }

    byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain pd, byte[] bytes)
            throws IllegalClassFormatException {
        Object module = moduleTransform == null ? null : moduleOf(className);
        if (module == null) {
            return target.transform(loader, className, redefined, pd, bytes);
        }
        try {
            return (byte[]) moduleTransform.invoke(target, module, loader, className, redefined, pd, bytes);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalClassFormatException) {
                throw (IllegalClassFormatException) cause;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The named boot-layer module that holds the class's package, or null (unnamed module). */
    private Object moduleOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        if (slash < 0) {
            return null;
        }
        String pkg = internalName.substring(0, slash).replace('/', '.');
        try {
            for (Object module : (Set<?>) layerModules.invoke(bootLayer)) {
                if (((Set<?>) modulePackages.invoke(module)).contains(pkg)) {
                    return module;
                }
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }
}
