package dev.veil.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a test app in a child JVM, with or without the agent, and captures what it printed. */
public final class ChildJvm {

    /** The outcome of one run. */
    public static final class Result {
        public final int exitCode;
        public final String stdout;
        public final String stderr;

        Result(int exitCode, String stdout, String stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        /** Lines of the agent's own log ({@code [veil] ...}) on stderr. */
        public List<String> agentLines() {
            List<String> lines = new ArrayList<>();
            for (String line : stderr.split("\\R")) {
                if (line.startsWith("[veil]")) {
                    lines.add(line);
                }
            }
            return lines;
        }

        public String line(String prefix) {
            for (String line : stdout.split("\\R")) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            throw new AssertionError("no line starting with '" + prefix + "' in:\n" + this);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private final Jdks.Jdk jdk;
    private boolean withAgent = true;
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> jvmArgs = new ArrayList<>();

    private int timeoutSeconds = 120;

    private ChildJvm(Jdks.Jdk jdk) {
        this.jdk = jdk;
    }

    public static ChildJvm on(Jdks.Jdk jdk) {
        return new ChildJvm(jdk);
    }

    public ChildJvm withoutAgent() {
        withAgent = false;
        return this;
    }

    public ChildJvm property(String key, String value) {
        systemProperties.put(key, value);
        return this;
    }

    public ChildJvm env(String key, String value) {
        environment.put(key, value);
        return this;
    }

    /** How long the child may run (default 120 s). */
    public ChildJvm timeoutSeconds(int seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    public ChildJvm jvmArg(String arg) {
        jvmArgs.add(arg);
        return this;
    }

    public Result runJar(Path jar, String... args) throws IOException, InterruptedException {
        List<String> launch = new ArrayList<>();
        launch.add("-jar");
        launch.add(jar.toString());
        return run(launch, args);
    }

    /** Runs {@code mainClass} from a class path (entries joined with the path separator; {@code dir/*} allowed). */
    public Result runClass(List<String> classPath, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> launch = new ArrayList<>();
        launch.add("-cp");
        launch.add(String.join(File.pathSeparator, classPath));
        launch.add(mainClass);
        return run(launch, args);
    }

    private Result run(List<String> launch, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.add("-Xshare:auto");
        if (withAgent) {
            command.add("-javaagent:" + agentJar());
        }
        command.addAll(jvmArgs);
        for (Map.Entry<String, String> p : systemProperties.entrySet()) {
            command.add("-D" + p.getKey() + "=" + p.getValue());
        }
        command.addAll(launch);
        for (String a : args) {
            command.add(a);
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        // The child gets a clean VEIL_* environment: only what the test sets.
        pb.environment().keySet().removeIf(k -> k.startsWith("VEIL_") || k.startsWith("OTEL_"));
        pb.environment().putAll(environment);
        File out = File.createTempFile("veil-it-out", ".txt");
        File err = File.createTempFile("veil-it-err", ".txt");
        try {
            pb.redirectOutput(out);
            pb.redirectError(err);
            Process process = pb.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child JVM did not finish in " + timeoutSeconds + " s: " + command
                        + "\n--- stdout\n" + read(out) + "\n--- stderr\n" + read(err));
            }
            return new Result(process.exitValue(), read(out), read(err));
        } finally {
            out.delete();
            err.delete();
        }
    }

    private static String read(File f) throws IOException {
        return new String(Files.readAllBytes(f.toPath()), StandardCharsets.UTF_8);
    }

    public static Path agentJar() {
        Path jar = Path.of(System.getProperty("veil.agent.jar", "../agent/target/veil-agent.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("agent jar not built: " + jar + " (run mvn package first)");
        }
        return jar;
    }

    /** {@code test-apps/<app>/target/<path>}, which must exist. */
    public static Path testAppFile(String app, String path) {
        Path dir = Path.of(System.getProperty("veil.test-apps.dir", "../test-apps")).toAbsolutePath().normalize();
        Path file = dir.resolve(app).resolve("target").resolve(path);
        if (!Files.exists(file)) {
            throw new AssertionError("test app not built: " + file);
        }
        return file;
    }

    public static Path testAppJar(String app, String jarName) {
        Path dir = Path.of(System.getProperty("veil.test-apps.dir", "../test-apps")).toAbsolutePath().normalize();
        Path jar = dir.resolve(app).resolve("target").resolve(jarName);
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("test app not built: " + jar);
        }
        return jar;
    }
}
