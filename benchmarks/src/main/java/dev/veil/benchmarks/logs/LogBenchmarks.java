package dev.veil.benchmarks.logs;

import java.io.File;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link LogbackAppenderBenchmark} and {@link Log4j2AppenderBenchmark} (real file appenders) without
 * and with the agent (forked JVMs, same settings) and prints each benchmark's throughput ratio and the
 * time added per event. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.veil.benchmarks.logs.LogBenchmarks [agent jar [extra JVM args]]}.
 */
public final class LogBenchmarks {
    private LogBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String agent = new File(args.length > 0 ? args[0] : "agent/target/veil-agent.jar").getAbsolutePath();
        Map<String, Double> without = run(null, args);
        Map<String, Double> with = run("-javaagent:" + agent, args);
        System.out.println();
        System.out.println("benchmark                 without agent   with agent   ratio   added per event");
        for (Map.Entry<String, Double> e : without.entrySet()) {
            double a = e.getValue();
            double b = with.get(e.getKey());
            System.out.printf("%-24s %10.3f ops/us %8.3f ops/us %6.1f%%  %8.1f ns%n", e.getKey(), a, b, 100 * b / a,
                    1000 / b - 1000 / a);
        }
    }

    private static Map<String, Double> run(String jvmArg, String[] args) throws Exception {
        OptionsBuilder builder = new OptionsBuilder();
        builder.include(LogbackAppenderBenchmark.class.getName());
        builder.include(Log4j2AppenderBenchmark.class.getName());
        for (int i = 1; i < args.length; i++) {
            builder.jvmArgsAppend(args[i]);
        }
        if (jvmArg != null) {
            builder.jvmArgsAppend(jvmArg);
        }
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> byName = new LinkedHashMap<String, Double>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            byName.put(label.substring(label.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        return byName;
    }
}
