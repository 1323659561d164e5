package dev.veil.agent.instrument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import net.bytebuddy.utility.JavaModule;

/**
 * Defines an instrumentation module's helper classes in the class loader of the class it instruments
 * (the platform loader for {@code java.net.http}, an application loader for a library the app ships),
 * once per loader, before the advice that calls them is woven in.
 *
 * <p>{@code ClassLoader.defineClass} is reached by reflection after opening {@code java.lang} to the
 * agent's module with {@code Instrumentation.redefineModule} — supported on every JDK from 9 to 25
 * without {@code sun.misc.Unsafe}. If injection fails, the exception stops the transformation of that
 * class: it stays as it was (the app keeps working; the agent log says the calls are not inspected).
 */
final class HelperInjector {

    private final Instrumentation inst;
    private final ClassLoader agentLoader;
    /** Per class loader, the helper classes already defined there (several modules may share a loader). */
    private final Map<ClassLoader, Set<String>> injectedInto = new WeakHashMap<ClassLoader, Set<String>>();
    private final Set<String> injectedIntoBoot = new HashSet<String>();
    private Method defineClass;
    private Method defineClassInBoot;

    HelperInjector(Instrumentation inst, ClassLoader agentLoader) {
        this.inst = inst;
        this.agentLoader = agentLoader;
    }

    /** Injects {@code helpers} into {@code target} (null: the boot loader) unless done already. */
    synchronized void inject(ClassLoader target, JavaModule instrumentedModule, List<String> helpers) throws Exception {
        if (helpers.isEmpty() || target == agentLoader) {
            return;
        }
        Set<String> done = target == null ? injectedIntoBoot : injectedInto.get(target);
        if (done == null) {
            done = new HashSet<String>();
            injectedInto.put(target, done);
        }
        Class<?> first = null;
        for (String helper : helpers) {
            if (done.contains(helper) && first != null) {
                continue;
            }
            // define() finds a class defined before, so the first helper is known for the module edge below.
            Class<?> defined = define(target, helper);
            done.add(helper);
            if (first == null) {
                first = defined;
            }
        }
        // Advice woven into a named module (e.g. java.net.http) calls the helpers in the loader's unnamed module.
        if (instrumentedModule != null && instrumentedModule.isNamed() && first != null) {
            JavaModule helperModule = JavaModule.ofType(first);
            if (!instrumentedModule.canRead(helperModule)) {
                ModuleEdges.addReads(inst, instrumentedModule.unwrap(), helperModule.unwrap());
            }
        }
    }

    private Class<?> define(ClassLoader target, String className) throws Exception {
        try {
            return Class.forName(className, false, target);
        } catch (ClassNotFoundException notYet) {
            // define below
        }
        byte[] bytes = classBytes(className);
        try {
            if (target == null) {
                return (Class<?>) bootDefiner().invoke(null, null, className, bytes, 0, bytes.length, null, null);
            }
            return (Class<?>) definer().invoke(target, className, bytes, 0, bytes.length, (ProtectionDomain) null);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof LinkageError) {
                // Another thread defined it first (duplicate class definition).
                return Class.forName(className, false, target);
            }
            throw e;
        }
    }

    private Method definer() throws Exception {
        if (defineClass == null) {
            openJavaLang();
            Method m = ClassLoader.class.getDeclaredMethod("defineClass", String.class, byte[].class, int.class, int.class,
                    ProtectionDomain.class);
            m.setAccessible(true);
            defineClass = m;
        }
        return defineClass;
    }

    private Method bootDefiner() throws Exception {
        if (defineClassInBoot == null) {
            openJavaLang();
            Method m = ClassLoader.class.getDeclaredMethod("defineClass1", ClassLoader.class, String.class, byte[].class,
                    int.class, int.class, ProtectionDomain.class, String.class);
            m.setAccessible(true);
            defineClassInBoot = m;
        }
        return defineClassInBoot;
    }

    private void openJavaLang() throws Exception {
        Object javaBase = ModuleEdges.moduleOf(Object.class);
        if (javaBase != null) {
            ModuleEdges.addOpens(inst, javaBase, "java.lang", ModuleEdges.moduleOf(HelperInjector.class));
        }
    }

    private byte[] classBytes(String className) throws IOException {
        InputStream in = agentLoader.getResourceAsStream(className.replace('.', '/') + ".class");
        if (in == null) {
            throw new IOException("helper class not found in the agent: " + className);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            in.close();
        }
    }
}
