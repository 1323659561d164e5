package dev.veil.launcher;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The isolated class loader of the agent. It reads classes stored in the agent jar under
 * {@value #PREFIX} with the extension {@value #CLASS_SUFFIX}, so no other class loader can find them:
 * the application never sees Veil's ByteBuddy, Jackson, SLF4J or OpenTelemetry, whatever versions it
 * ships itself. Its parent is the bootstrap loader, which holds the small {@code dev.veil.bootstrap} API
 * once the agent has defined it there.
 */
public final class AgentClassLoader extends ClassLoader {

    public static final String PREFIX = "veil-inst/";
    public static final String CLASS_SUFFIX = ".classdata";

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final String jarUrl;
    private final ProtectionDomain protectionDomain;

    public AgentClassLoader(File agentJar) throws IOException {
        super(null);
        this.jar = new JarFile(agentJar, false);
        URL location = agentJar.toURI().toURL();
        this.jarUrl = "jar:" + location.toExternalForm() + "!/";
        this.protectionDomain = new ProtectionDomain(new CodeSource(location, (Certificate[]) null), null, this, null);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        JarEntry entry = jar.getJarEntry(PREFIX + name.replace('.', '/') + CLASS_SUFFIX);
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes;
        try {
            bytes = read(entry);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        definePackageOf(name);
        return defineClass(name, bytes, 0, bytes.length, protectionDomain);
    }

    private void definePackageOf(String className) {
        int dot = className.lastIndexOf('.');
        if (dot <= 0) {
            return;
        }
        String pkg = className.substring(0, dot);
        synchronized (this) {
            if (getPackageCompat(pkg) == null) {
                try {
                    definePackage(pkg, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException alreadyDefined) {
                    // another thread won the race
                }
            }
        }
    }

    @SuppressWarnings("deprecation")
    private Package getPackageCompat(String pkg) {
        return getPackage(pkg);
    }

    @Override
    protected URL findResource(String name) {
        if (jar.getJarEntry(PREFIX + name) == null) {
            return null;
        }
        try {
            return new URL(jarUrl + PREFIX + name);
        } catch (MalformedURLException e) {
            return null;
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.<URL>emptyEnumeration() : Collections.enumeration(Collections.singletonList(url));
    }

    /** Reads a stored class file, for tools (like ByteBuddy's class file locator) that need the bytes. */
    @Override
    public InputStream getResourceAsStream(String name) {
        JarEntry entry = jar.getJarEntry(PREFIX + name);
        if (entry == null && name.endsWith(".class")) {
            entry = jar.getJarEntry(PREFIX + name.substring(0, name.length() - ".class".length()) + CLASS_SUFFIX);
        }
        if (entry == null) {
            return super.getResourceAsStream(name);
        }
        try {
            return jar.getInputStream(entry);
        } catch (IOException e) {
            return null;
        }
    }

    private byte[] read(JarEntry entry) throws IOException {
        InputStream in = jar.getInputStream(entry);
        try {
            long size = entry.getSize();
            ByteArrayOutputStream out = new ByteArrayOutputStream(size > 0 ? (int) size : 8192);
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

    @Override
    public String toString() {
        return "VeilAgentClassLoader";
    }
}
