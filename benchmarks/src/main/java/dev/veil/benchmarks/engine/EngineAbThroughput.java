package dev.veil.benchmarks.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A/B of two builds of the engine in one JVM: each build is loaded in its own class loader and the two
 * scan the {@link EngineBenchmark} prompts in alternating rounds, so both see the same machine load; MB
 * per second of this thread's CPU time (median, 75th percentile and best after a warm-up third). On a
 * shared machine this is the comparison to trust, not two runs taken minutes apart. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.veil.benchmarks.engine.EngineAbThroughput
 * <seconds> <classpath A> <classpath B>}, e.g. the benchmarks jar of main and of a branch.
 */
public final class EngineAbThroughput {
    private static final int SCANS_PER_ROUND = 300;
    /** Keeps results reachable so the work cannot be optimised away. */
    static volatile Object sink;

    private EngineAbThroughput() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: EngineAbThroughput <seconds> <classpath A> <classpath B>");
            System.exit(2);
        }
        long seconds = Long.parseLong(args[0]);
        Object[] engines = new Object[2];
        Method[] scans = new Method[2];
        for (int k = 0; k < 2; k++) {
            List<URL> urls = new ArrayList<>();
            for (String p : args[1 + k].split(java.io.File.pathSeparator)) {
                urls.add(Paths.get(p).toUri().toURL());
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> engine = loader.loadClass("dev.veil.agent.detect.Engine");
            engines[k] = engine.getMethod("defaults").invoke(null);
            scans[k] = engine.getMethod("scan", CharSequence.class);
        }
        String[] texts = {PromptText.generate(42, EngineBenchmark.SIZE),
            Findings.sprinkle(PromptText.generate(43, EngineBenchmark.SIZE), new Random(44), 10)};
        String[] names = {"clean", "~10 findings"};
        for (int t = 0; t < 2; t++) {
            int a = ((List<?>) scans[0].invoke(engines[0], texts[t])).size();
            int b = ((List<?>) scans[1].invoke(engines[1], texts[t])).size();
            System.out.printf("%s: A finds %d, B finds %d%n", names[t], a, b);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<List<Double>> rounds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rounds.add(new ArrayList<>());
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (int t = 0; t < 2; t++) {
                for (int k = 0; k < 2; k++) {
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < SCANS_PER_ROUND; i++) {
                        sink = scans[k].invoke(engines[k], texts[t]);
                    }
                    long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                    rounds.get(t * 2 + k).add((double) EngineBenchmark.SIZE * SCANS_PER_ROUND * 1000 / cpu);
                }
            }
        }
        for (int i = 0; i < 4; i++) {
            List<Double> all = rounds.get(i);
            List<Double> measured = new ArrayList<>(all.subList(all.size() / 3, all.size()));
            Collections.sort(measured);
            int n = measured.size();
            System.out.printf("%-13s %s: MB/s per CPU second median %.0f, p75 %.0f, best %.0f (%d rounds)%n",
                    names[i / 2], i % 2 == 0 ? "A" : "B", measured.get(n / 2), measured.get(n * 3 / 4), measured.get(n - 1), n);
        }
    }
}
