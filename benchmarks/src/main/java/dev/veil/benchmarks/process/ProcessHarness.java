package dev.veil.benchmarks.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;

/**
 * The whole-process benchmark: every figure a user feels, without an agent, with Veil, and (with
 * {@code --peers}) with the OpenTelemetry Java agent and dd-java-agent (fetched from Maven Central with
 * {@code mvn dependency:copy}, exporters pointed nowhere), on one or more JDKs. Writes one Markdown
 * table, {@code benchmarks/results/performance.md}, that the README embeds.
 *
 * <p>Workloads (the application side is {@code test-apps/perf-app}, an ordinary app): hello-world
 * start-up (also against an empty agent, the floor of {@code -javaagent}); a realistic start-up (Logback
 * file appender, OkHttp and the JDK HttpClient loaded, one chat call each to a local fake server); loops
 * of 8 KB POSTs with the JDK HttpClient, timed in-process (chat without findings, chat with ten findings,
 * a non-LLM endpoint); streaming time to first byte and the heap retained while reading a 1 MB and a
 * 100 MB stream; Logback file-appender throughput; peak RSS and heap.
 *
 * <p>Variants run in alternation, round by round (the order rotates), so drift of a noisy machine hits
 * all alike; each figure is the median over rounds, and "added" and the ratio are medians of the
 * per-round differences and ratios against the no-agent run of the same round.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.veil.benchmarks.process.ProcessHarness \
 *     [--peers] [--java /path/to/bin/java]... [--runs 10] [--pairs 5] [--calls 5000] [--smoke] [--out file]
 * </pre>
 */
public final class ProcessHarness {

    static final String OTEL_AGENT = "io.opentelemetry.javaagent:opentelemetry-javaagent:2.33.1";
    static final String DD_AGENT = "com.datadoghq:dd-java-agent:1.68.1";

    static final String NONE = "no agent";
    static final String EMPTY = "empty agent";
    static final String VEIL = "Veil";
    static final String OTEL = "OpenTelemetry agent";
    static final String DD = "Datadog agent";

    /** Options; the defaults are the full run, {@code --smoke} the CI check that every row is produced. */
    static final class Options {
        int runs = 10;
        int pairs = 5;
        int calls = 5000;
        int warmupCalls = 2000;
        int ttfbCalls = 50;
        int bigStreamMb = 100;
        int logEvents = 300_000;
        boolean peers;
        boolean smoke;
        List<String> javas = new ArrayList<>();
        Path root;
        Path out;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--runs": o.runs = Integer.parseInt(args[++i]); break;
                    case "--pairs": o.pairs = Integer.parseInt(args[++i]); break;
                    case "--calls":
                        o.calls = Integer.parseInt(args[++i]);
                        o.warmupCalls = Math.max(20, o.calls / 2);
                        break;
                    case "--peers": o.peers = true; break;
                    case "--java": o.javas.add(args[++i]); break;
                    case "--root": o.root = Path.of(args[++i]).toAbsolutePath(); break;
                    case "--out": o.out = Path.of(args[++i]).toAbsolutePath(); break;
                    case "--smoke":
                        o.smoke = true;
                        o.runs = 1;
                        o.pairs = 1;
                        o.calls = 50;
                        o.warmupCalls = 20;
                        o.ttfbCalls = 3;
                        o.bigStreamMb = 4;
                        o.logEvents = 2000;
                        break;
                    default: throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (o.smoke) {
                o.peers = false;
            }
            if (o.javas.isEmpty()) {
                o.javas.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            }
            if (o.root == null) {
                Path cwd = Path.of("").toAbsolutePath();
                o.root = Files.isDirectory(cwd.resolve("agent")) ? cwd : cwd.getParent();
            }
            if (o.out == null) {
                o.out = o.root.resolve("benchmarks/results/performance.md");
            }
            return o;
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        String table = new ProcessHarness(o).run();
        System.out.print(table);
        Files.createDirectories(o.out.getParent());
        Files.writeString(o.out, table);
        System.out.println("written: " + o.out);
    }

    private final Options o;
    private final Path agent;
    private final String appClassPath;
    private final Path work;
    private final boolean timeTool = new File("/usr/bin/time").canExecute();

    ProcessHarness(Options o) throws IOException {
        this.o = o;
        this.agent = o.root.resolve("agent/target/veil-agent.jar");
        Path app = o.root.resolve("test-apps/perf-app/target");
        if (!Files.isRegularFile(agent) || !Files.isRegularFile(app.resolve("perf-app.jar"))) {
            throw new IllegalStateException("build first: mvn -B -q package -DskipTests -pl benchmarks -am"
                    + " (needs " + agent + " and " + app.resolve("perf-app.jar") + ")");
        }
        this.appClassPath = app.resolve("perf-app.jar") + File.pathSeparator + app.resolve("lib") + File.separator + "*";
        this.work = Files.createTempDirectory("veil-bench");
    }

    String run() throws Exception {
        Path hello = compileHello();
        Map<String, List<String>> agents = new LinkedHashMap<>();
        agents.put(NONE, List.of());
        agents.put(VEIL, List.of("-javaagent:" + agent));
        if (o.peers) {
            agents.put(OTEL, List.of("-javaagent:" + fetch(OTEL_AGENT), "-Dotel.traces.exporter=none",
                    "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none"));
            agents.put(DD, List.of("-javaagent:" + fetch(DD_AGENT), "-Ddd.agent.host=127.0.0.1", "-Ddd.trace.agent.port=9",
                    "-Ddd.dogstatsd.port=9", "-Ddd.instrumentation.telemetry.enabled=false", "-Ddd.remote_config.enabled=false"));
        }
        Map<String, List<String>> helloAgents = new LinkedHashMap<>(agents);
        helloAgents.put(EMPTY, List.of("-javaagent:" + emptyAgent()));

        Report report = new Report();
        for (String java : o.javas) {
            String jdk = javaVersion(java);
            report.jdks.add(jdk);
            List<String> app = List.of("-Dperf.log.file=" + work.resolve("app.log"), "-cp", appClassPath,
                    "dev.veil.testapp.perf.PerfApp");
            // The in-process loops run with a bounded heap, as services do, so RSS reflects what is retained.
            List<String> bounded = concat(List.of("-Xmx256m"), app.toArray(new String[0]));

            Rounds h = rounds(java, helloAgents, List.of("-cp", hello.toString(), "Hello"), o.runs);
            report.add(jdk, "Hello world: start-up, ms", "wallMs", h, NONE, "≤ 65 ms added");
            report.add(jdk, "Hello world: Veil beyond an empty agent, ms (first column: the empty agent, the floor of -javaagent)",
                    "wallMs", h.only(EMPTY, VEIL), EMPTY, "");
            report.add(jdk, "Hello world: peak RSS, MiB", "rssMiB", h, NONE, "≤ 15 MiB added");

            Rounds r = rounds(java, agents, concat(app, "startup"), o.runs);
            report.add(jdk, "Realistic app (Logback file appender, OkHttp, JDK HttpClient, one chat call each): start-up, ms",
                    "wallMs", r, NONE, "≤ 300 ms added");
            report.add(jdk, "Realistic app: peak RSS, MiB", "rssMiB", r, NONE, "");
            report.add(jdk, "Realistic app: peak heap, MiB", "heapPeakMiB", r, NONE, "");

            String calls = String.valueOf(o.calls);
            String warm = String.valueOf(o.warmupCalls);
            Rounds clean = rounds(java, agents, concat(bounded, "latency", "clean", warm, calls), o.pairs);
            report.latency(jdk, "8 KB chat POST, no findings: µs per call in-process, p50 / p99", clean, "≤ 50 / 500 µs added");
            Rounds findings = rounds(java, agents, concat(bounded, "latency", "findings", warm, calls), o.pairs);
            checkRedacted(findings);
            report.latency(jdk, "8 KB chat POST, 10 findings (redaction checked at the server): µs p50 / p99", findings,
                    "≤ 50 / 500 µs added");
            Rounds other = rounds(java, agents, concat(bounded, "latency", "other", warm, calls), o.pairs);
            report.latency(jdk, "8 KB non-LLM POST: µs p50 / p99", other, "≤ 2 µs added");

            String ttfb = String.valueOf(o.ttfbCalls);
            Rounds small = rounds(java, agents, concat(bounded, "stream", ttfb, "1"), o.pairs);
            report.add(jdk, "Streaming chat (SSE): time to first byte, median µs", "ttfbUs", small, NONE, "≤ 1 000 µs added");
            Rounds big = rounds(java, agents, concat(bounded, "stream", ttfb, String.valueOf(o.bigStreamMb)), o.pairs);
            report.add(jdk, "Stream of 1 MB: heap in use after a full GC at 90 % of it, MiB", "retainedHeapMiB", small, NONE, "");
            report.add(jdk, "Stream of " + o.bigStreamMb + " MB: heap in use after a full GC at 90 % of it, MiB", "retainedHeapMiB",
                    big, NONE, "same as 1 MB");
            report.add(jdk, "Stream of 1 MB: peak RSS, MiB", "rssMiB", small, NONE, "");
            report.add(jdk, "Stream of " + o.bigStreamMb + " MB: peak RSS, MiB", "rssMiB", big, NONE, "same as 1 MB");

            Rounds logs = rounds(java, agents, concat(bounded, "logging", String.valueOf(o.logEvents)), o.pairs);
            report.add(jdk, "Logback file appender: events/s (" + o.logEvents + " events, one thread)", "eventsPerSec", logs, NONE,
                    "≥ 95 % of no agent");
        }
        return report.render(command());
    }

    private String command() {
        StringBuilder sb = new StringBuilder("java -cp benchmarks/target/benchmarks.jar dev.veil.benchmarks.process.ProcessHarness");
        if (o.smoke) {
            sb.append(" --smoke");
        } else {
            sb.append(" --runs ").append(o.runs).append(" --pairs ").append(o.pairs).append(" --calls ").append(o.calls);
        }
        if (o.peers) {
            sb.append(" --peers");
        }
        for (String j : o.javas) {
            sb.append(" --java ").append(j);
        }
        return sb.toString();
    }

    /** Planted values must reach the server without an agent (they are real findings) and never with Veil. */
    private static void checkRedacted(Rounds findings) {
        for (Map<String, Double> run : findings.runs.get(VEIL)) {
            if (run.getOrDefault("leaked", -1.0) != 0.0) {
                throw new IllegalStateException("Veil let planted values through: " + run);
            }
        }
        for (Map<String, Double> run : findings.runs.get(NONE)) {
            if (!run.get("leaked").equals(run.get("planted")) || run.get("planted") == 0.0) {
                throw new IllegalStateException("without an agent every planted value should arrive: " + run);
            }
        }
    }

    /** Runs of one workload: for each variant, one measurement map per round. */
    static final class Rounds {
        final Map<String, List<Map<String, Double>>> runs = new LinkedHashMap<>();

        /** The same rounds, restricted to two variants (the first one becomes the baseline). */
        Rounds only(String base, String other) {
            Rounds r = new Rounds();
            r.runs.put(base, runs.get(base));
            r.runs.put(other, runs.get(other));
            return r;
        }
    }

    private Rounds rounds(String java, Map<String, List<String>> variants, List<String> command, int count) throws Exception {
        Rounds rounds = new Rounds();
        List<String> names = new ArrayList<>(variants.keySet());
        names.forEach(n -> rounds.runs.put(n, new ArrayList<>()));
        if (!o.smoke) {
            for (String name : names) {
                run(java, variants.get(name), command); // warm-up: file cache, CDS archive
            }
        }
        for (int r = 0; r < count; r++) {
            for (int k = 0; k < names.size(); k++) {
                String name = names.get((k + r) % names.size()); // rotate: no variant always runs first
                rounds.runs.get(name).add(run(java, variants.get(name), command));
            }
        }
        return rounds;
    }

    /** One process: wall ms, peak RSS MiB and every {@code RESULT key=value} the application printed. */
    private Map<String, Double> run(String java, List<String> jvmArgs, List<String> command) throws Exception {
        List<String> cmd = new ArrayList<>();
        Path rssFile = work.resolve("rss.txt");
        Files.deleteIfExists(rssFile);
        if (timeTool) {
            cmd.addAll(Arrays.asList("/usr/bin/time", "-f", "%M", "-o", rssFile.toString()));
        }
        cmd.add(java);
        cmd.addAll(jvmArgs);
        cmd.addAll(command);
        Path output = work.resolve("out.txt");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + cmd);
        }
        double wall = (System.nanoTime() - start) / 1e6;
        String out = Files.readString(output, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("exit " + p.exitValue() + ": " + cmd + "\n" + out);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("wallMs", wall);
        if (timeTool && Files.isRegularFile(rssFile)) {
            String kb = Files.readString(rssFile).trim();
            if (!kb.isEmpty()) {
                m.put("rssMiB", Double.parseDouble(kb.substring(kb.lastIndexOf('\n') + 1).trim()) / 1024.0);
            }
        }
        for (String line : out.split("\\R")) {
            if (line.startsWith("RESULT ")) {
                for (String kv : line.substring(7).trim().split(" ")) {
                    int eq = kv.indexOf('=');
                    m.put(kv.substring(0, eq), Double.parseDouble(kv.substring(eq + 1)));
                }
            }
        }
        return m;
    }

    private Path compileHello() throws IOException {
        return compile("Hello", "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }");
    }

    /** An agent whose premain does nothing: what {@code -javaagent} costs by itself. */
    private Path emptyAgent() throws IOException {
        Path dir = compile("EmptyAgent",
                "public class EmptyAgent { public static void premain(String a, java.lang.instrument.Instrumentation i) {} }");
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

    private Path compile(String name, String source) throws IOException {
        Path dir = work.resolve(name.toLowerCase(java.util.Locale.ROOT));
        Files.createDirectories(dir);
        Path src = dir.resolve(name + ".java");
        Files.writeString(src, source);
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "8", "-d", dir.toString(), src.toString()) != 0) {
            throw new IllegalStateException("javac failed for " + name);
        }
        return dir;
    }

    private Path fetch(String gav) throws Exception {
        Path dir = work.resolve("peers");
        Process p = new ProcessBuilder("mvn", "-B", "-q", "dependency:copy", "-Dartifact=" + gav + ":jar",
                "-DoutputDirectory=" + dir).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("could not fetch " + gav);
        }
        String[] parts = gav.split(":");
        return dir.resolve(parts[1] + "-" + parts[2] + ".jar");
    }

    /** "JDK 17.0.15+6-Debian-1deb12u1" or "Temurin 25+36-LTS". */
    static String javaVersion(String java) throws Exception {
        Process p = new ProcessBuilder(java, "-XshowSettings:properties", "-version").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        String vendor = "";
        String version = "";
        for (String line : text.split("\\R")) {
            String t = line.trim();
            if (t.startsWith("java.vendor = ")) {
                vendor = t.substring("java.vendor = ".length());
            } else if (t.startsWith("java.runtime.version = ")) {
                version = t.substring("java.runtime.version = ".length());
            }
        }
        return (vendor.startsWith("Eclipse") ? "Temurin " : "JDK ") + version;
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(Arrays.asList(tail));
        return all;
    }
}
