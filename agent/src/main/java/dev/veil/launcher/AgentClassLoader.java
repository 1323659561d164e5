package dev.veil.launcher;

import java.io.ByteArrayInputStream;
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
 * The isolated class loader of the agent. It reads classes from the agent jar's {@link ClassPack}
 * and resources from under {@value #PREFIX}, where no other class loader looks for them:
 * the application never sees Veil's ByteBuddy, Jackson, SLF4J or OpenTelemetry, whatever versions it
 * ships itself. Its parent is the bootstrap loader, which holds the small {@code dev.veil.bootstrap} API
 * once the agent has defined it there.
 */
public final class AgentClassLoader extends ClassLoader {

    public static final String PREFIX = "veil-inst/";

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final ClassPack classes;
    private final String jarUrl;
    private final ProtectionDomain protectionDomain;

    public AgentClassLoader(File agentJar) throws IOException {
        super(null);
        this.jar = new JarFile(agentJar, false);
        this.classes = ClassPack.open(jar);
        if (classes == null) {
            throw new IOException("the agent jar has no " + ClassPack.ENTRY);
        }
        URL location = agentJar.toURI().toURL();
        this.jarUrl = "jar:" + location.toExternalForm() + "!/";
        this.protectionDomain = new ProtectionDomain(new CodeSource(location, (Certificate[]) null), null, this, null);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes;
        try {
            bytes = classes.read(name.replace('.', '/'));
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        if (bytes == null) {
            throw new ClassNotFoundException(name);
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

    /** Reads a packed class file or a resource, for tools (like ByteBuddy's class file locator) that need the bytes. */
    @Override
    public InputStream getResourceAsStream(String name) {
        try {
            if (name.endsWith(".class")) {
                byte[] bytes = classes.read(name.substring(0, name.length() - ".class".length()));
                if (bytes != null) {
                    return new ByteArrayInputStream(bytes);
                }
            }
            JarEntry entry = jar.getJarEntry(PREFIX + name);
            return entry != null ? jar.getInputStream(entry) : super.getResourceAsStream(name);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "VeilAgentClassLoader";
    }
}
