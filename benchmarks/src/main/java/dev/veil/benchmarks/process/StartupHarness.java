package dev.veil.benchmarks.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;

/**
 * Whole-process start-up of a hello-world JVM: no agent, an empty agent (the floor of {@code -javaagent}),
 * Veil, and optionally the OpenTelemetry Java agent and dd-java-agent (fetched from Maven Central with
 * {@code mvn dependency:copy}). Variants run in alternation, so drift of a noisy machine hits all alike;
 * reported are medians of wall time and of the time added per pair, and peak RSS when
 * {@code /usr/bin/time} is installed (Debian package {@code time}).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.veil.benchmarks.process.StartupHarness [--runs 10] [--peers] [--java /path/to/bin/java]
 * </pre>
 */
public final class StartupHarness {

    private static final String OTEL_AGENT = "io.opentelemetry.javaagent:opentelemetry-javaagent:2.33.1";
    private static final String DD_AGENT = "com.datadoghq:dd-java-agent:1.68.1";

    public static void main(String[] args) throws Exception {
        int runs = 10;
        boolean peers = false;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path agent = Path.of("agent/target/veil-agent.jar").toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs": runs = Integer.parseInt(args[++i]); break;
                case "--peers": peers = true; break;
                case "--java": java = args[++i]; break;
                case "--agent": agent = Path.of(args[++i]).toAbsolutePath(); break;
                default: throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!Files.isRegularFile(agent)) {
            throw new IllegalStateException("build the agent first (mvn -B -q -DskipTests package): " + agent);
        }
        Path work = Files.createTempDirectory("veil-startup");
        Path hello = compileHello(work);
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("no agent", List.of());
        variants.put("empty agent", List.of("-javaagent:" + emptyAgent(work)));
        variants.put("Veil", List.of("-javaagent:" + agent));
        if (peers) {
            variants.put("OpenTelemetry agent", List.of("-javaagent:" + fetch(OTEL_AGENT, work),
                    "-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none"));
            variants.put("Datadog agent", List.of("-javaagent:" + fetch(DD_AGENT, work), "-Ddd.trace.enabled=true",
                    "-Ddd.agent.host=127.0.0.1", "-Ddd.trace.agent.port=9", "-Ddd.instrumentation.telemetry.enabled=false"));
        }
        boolean rss = new File("/usr/bin/time").canExecute();

        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        variants.keySet().forEach(k -> samples.put(k, new ArrayList<>()));
        for (String name : variants.keySet()) {
            run(java, variants.get(name), hello, rss); // warm-up: file cache, CDS archive
        }
        for (int r = 0; r < runs; r++) {
            for (Map.Entry<String, List<String>> v : variants.entrySet()) {
                samples.get(v.getKey()).add(run(java, v.getValue(), hello, rss));
            }
        }

        StringBuilder md = new StringBuilder();
        md.append("Hello-world start-up, ").append(runs).append(" alternating runs, medians (")
                .append(System.getProperty("os.arch")).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ").append(javaVersion(java)).append(", ").append(LocalDate.now()).append(")\n\n");
        md.append("| Variant | Wall ms | Added ms (paired) | Peak RSS MiB | Added MiB |\n|---|---|---|---|---|\n");
        List<double[]> base = samples.get("no agent");
        for (Map.Entry<String, List<double[]>> e : samples.entrySet()) {
            List<double[]> s = e.getValue();
            double[] added = new double[s.size()];
            double[] addedRss = new double[s.size()];
            for (int i = 0; i < s.size(); i++) {
                added[i] = s.get(i)[0] - base.get(i)[0];
                addedRss[i] = s.get(i)[1] - base.get(i)[1];
            }
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %+.0f | %s | %s |%n", e.getKey(), median(column(s, 0)),
                    median(added), rss ? String.format(Locale.ROOT, "%.1f", median(column(s, 1))) : "n/a",
                    rss ? String.format(Locale.ROOT, "%+.1f", median(addedRss)) : "n/a"));
        }
        System.out.print(md);
        Path out = Path.of("benchmarks/results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("startup.md"), md.toString());
    }

    /** One run: {wall ms, peak RSS MiB (0 when unknown)}. */
    private static double[] run(String java, List<String> jvmArgs, Path helloDir, boolean rss) throws Exception {
        List<String> cmd = new ArrayList<>();
        Path rssFile = Files.createTempFile("rss", ".txt");
        if (rss) {
            cmd.addAll(Arrays.asList("/usr/bin/time", "-f", "%M", "-o", rssFile.toString()));
        }
        cmd.add(java);
        cmd.addAll(jvmArgs);
        cmd.addAll(Arrays.asList("-cp", helloDir.toString(), "Hello"));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + cmd);
        }
        double wall = (System.nanoTime() - start) / 1e6;
        double mib = 0;
        if (rss) {
            String kb = Files.readString(rssFile).trim();
            mib = kb.isEmpty() ? 0 : Double.parseDouble(kb.substring(kb.lastIndexOf('\n') + 1).trim()) / 1024.0;
        }
        Files.deleteIfExists(rssFile);
        return new double[] {wall, mib};
    }

    private static Path compileHello(Path work) throws IOException {
        Path dir = work.resolve("hello");
        Files.createDirectories(dir);
        Path src = dir.resolve("Hello.java");
        Files.writeString(src, "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }");
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "8", "-d", dir.toString(), src.toString()) != 0) {
            throw new IllegalStateException("javac failed");
        }
        return dir;
    }

    /** An agent whose premain does nothing: what {@code -javaagent} costs by itself. */
    private static Path emptyAgent(Path work) throws IOException {
        Path dir = work.resolve("empty");
        Files.createDirectories(dir);
        Path src = dir.resolve("EmptyAgent.java");
        Files.writeString(src, "public class EmptyAgent { public static void premain(String a, java.lang.instrument.Instrumentation i) {} }");
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "8", "-d", dir.toString(), src.toString()) != 0) {
            throw new IllegalStateException("javac failed");
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", "EmptyAgent");
        Path jar = work.resolve("empty-agent.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("EmptyAgent.class"));
            out.write(Files.readAllBytes(dir.resolve("EmptyAgent.class")));
            out.closeEntry();
        }
        return jar;
    }

    private static Path fetch(String gav, Path work) throws Exception {
        Path dir = work.resolve("peers");
        Process p = new ProcessBuilder("mvn", "-B", "-q", "dependency:copy", "-Dartifact=" + gav + ":jar",
                "-DoutputDirectory=" + dir).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("could not fetch " + gav);
        }
        String[] parts = gav.split(":");
        return dir.resolve(parts[1] + "-" + parts[2] + ".jar");
    }

    private static String javaVersion(String java) throws Exception {
        Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\\R")[0];
        p.waitFor();
        return first.replace("\"", "");
    }

    private static double[] column(List<double[]> rows, int c) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c];
        }
        return out;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
