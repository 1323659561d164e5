package dev.veil.agent.instrument;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Puts the {@code dev.veil.bootstrap} classes on the bootstrap class loader, where every class loader
 * (the JDK's own included) sees them. Done once, when the first instrumented class appears — a JVM that
 * never loads one never pays for it.
 *
 * <p>On Java 9+ the classes are defined directly with the JDK's boot-capable
 * {@code ClassLoader.defineClass1}, after opening {@code java.lang} to the agent with
 * {@code Instrumentation.redefineModule}. Not {@code appendToBootstrapClassLoaderSearch}: with class
 * data sharing (on by default) HotSpot then prints "Sharing is only supported for boot loader classes
 * because bootstrap classpath has been appended" on the application's stdout and stops sharing the
 * application's classes. On Java 8, where neither applies, the jar is appended.
 */
public final class BootstrapApi {

    /** Written by the build: one bootstrap class entry name per line. */
    static final String INDEX = "META-INF/veil-bootstrap.idx";

    private static boolean defined;

    private BootstrapApi() {
    }

    public static synchronized void define(Instrumentation inst, File agentJar) throws Exception {
        if (defined) {
            return;
        }
        JarFile jar = new JarFile(agentJar, false);
        Object javaBase = ModuleEdges.moduleOf(Object.class);
        if (javaBase == null) {
            inst.appendToBootstrapClassLoaderSearch(jar);
            defined = true;
            return;
        }
        try {
            ModuleEdges.addOpens(inst, javaBase, "java.lang", ModuleEdges.moduleOf(BootstrapApi.class));
            Method defineClass1 = ClassLoader.class.getDeclaredMethod("defineClass1", ClassLoader.class, String.class,
                    byte[].class, int.class, int.class, ProtectionDomain.class, String.class);
            defineClass1.setAccessible(true);
            List<String> pending = index(jar);
            // A class whose supertype is another bootstrap class needs that one first: retry until none is left.
            while (!pending.isEmpty()) {
                List<String> retry = new ArrayList<String>();
                Throwable last = null;
                for (String entry : pending) {
                    String className = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                    if (isInBoot(className)) {
                        continue;
                    }
                    byte[] bytes = read(jar, entry);
                    try {
                        defineClass1.invoke(null, null, className, bytes, 0, bytes.length, null, null);
                    } catch (InvocationTargetException e) {
                        if (!(e.getCause() instanceof NoClassDefFoundError)) {
                            throw e;
                        }
                        retry.add(entry);
                        last = e.getCause();
                    }
                }
                if (retry.size() == pending.size()) {
                    throw new IllegalStateException("cannot define the bootstrap API", last);
                }
                pending = retry;
            }
            defined = true;
        } finally {
            jar.close();
        }
    }

    private static List<String> index(JarFile jar) throws IOException {
        String text = new String(read(jar, INDEX), StandardCharsets.UTF_8);
        List<String> entries = new ArrayList<String>();
        for (String line : text.split("\n")) {
            if (!line.trim().isEmpty()) {
                entries.add(line.trim());
            }
        }
        return entries;
    }

    private static boolean isInBoot(String className) {
        try {
            Class.forName(className, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static byte[] read(JarFile jar, String entry) throws IOException {
        if (jar.getJarEntry(entry) == null) {
            throw new IOException("missing from the agent jar: " + entry);
        }
        InputStream in = jar.getInputStream(jar.getJarEntry(entry));
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
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
