package dev.veil.agent.instrument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The instrumentation modules as the build described them ({@value #RESOURCE}, written by
 * {@code agent/src/build/IsolateAgentJar.java} from the modules themselves): class, name, minimum Java
 * and target classes. Premain reads this one small file instead of loading a dozen module classes; the
 * modules are instantiated when the first target class loads.
 */
public final class ModuleIndex {

    static final String RESOURCE = "META-INF/veil-modules.idx";

    /** One module: {@code className name minimumJava target,target,...}. */
    public static final class Entry {
        final String className;
        final String name;
        final int minimumJava;
        final List<String> targets;

        Entry(String className, String name, int minimumJava, List<String> targets) {
            this.className = className;
            this.name = name;
            this.minimumJava = minimumJava;
            this.targets = targets;
        }

        public String name() {
            return name;
        }
    }

    private ModuleIndex() {
    }

    /** The running JVM's feature version: 8 for "1.8", 17 for "17". */
    public static int javaFeatureVersion() {
        String spec = System.getProperty("java.specification.version", "1.8");
        try {
            return spec.startsWith("1.") ? Integer.parseInt(spec.substring(2)) : Integer.parseInt(spec);
        } catch (NumberFormatException e) {
            return 8;
        }
    }

    /** The modules that run on {@code javaVersion}, in the order of the agent's service file. */
    public static List<Entry> read(ClassLoader agentLoader, int javaVersion) throws IOException {
        InputStream in = agentLoader.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IOException("the agent jar has no " + RESOURCE);
        }
        String text;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
            byte[] buffer = new byte[2048];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
            }
            text = new String(out.toByteArray(), StandardCharsets.UTF_8);
        } finally {
            in.close();
        }
        List<Entry> entries = new ArrayList<Entry>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length != 4) {
                continue;
            }
            int minimumJava = Integer.parseInt(f[2]);
            if (minimumJava <= javaVersion) {
                entries.add(new Entry(f[0], f[1], minimumJava, Collections.unmodifiableList(Arrays.asList(f[3].split(",")))));
            }
        }
        return Collections.unmodifiableList(entries);
    }
}
