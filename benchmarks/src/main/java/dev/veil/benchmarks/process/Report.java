package dev.veil.benchmarks.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * The harness's one Markdown table: a row per figure and JDK; columns no agent, Veil, what Veil adds
 * (median of the per-round differences) and its ratio, the two peer agents (value and added), the target.
 */
final class Report {

    /** Column order of the variants after the baseline. */
    private static final List<String> PEERS = Arrays.asList(ProcessHarness.OTEL, ProcessHarness.DD);

    final List<String> jdks = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    /** A row for one metric of one workload; {@code base} is the variant the others are compared with. */
    void add(String jdk, String what, String metric, ProcessHarness.Rounds rounds, String base, String target) {
        List<Map<String, Double>> baseRuns = rounds.runs.get(base);
        String[] row = new String[9];
        row[0] = what;
        row[1] = jdk;
        row[2] = fmt(median(values(baseRuns, metric)));
        row[3] = fmt(median(values(rounds.runs.get(ProcessHarness.VEIL), metric)));
        row[4] = signed(median(added(baseRuns, rounds.runs.get(ProcessHarness.VEIL), metric)));
        row[5] = ratio(median(ratios(baseRuns, rounds.runs.get(ProcessHarness.VEIL), metric)));
        for (int i = 0; i < PEERS.size(); i++) {
            List<Map<String, Double>> peer = rounds.runs.get(PEERS.get(i));
            row[6 + i] = peer == null ? "–" : fmt(median(values(peer, metric))) + " (" + signed(median(added(baseRuns, peer, metric))) + ")";
        }
        row[8] = target;
        rows.add(row);
    }

    /** A row of p50 / p99 pairs. */
    void latency(String jdk, String what, ProcessHarness.Rounds rounds, String target) {
        List<Map<String, Double>> base = rounds.runs.get(ProcessHarness.NONE);
        List<Map<String, Double>> veil = rounds.runs.get(ProcessHarness.VEIL);
        String[] row = new String[9];
        row[0] = what;
        row[1] = jdk;
        row[2] = pair(base, "p50Us", "p99Us");
        row[3] = pair(veil, "p50Us", "p99Us");
        row[4] = signed(median(added(base, veil, "p50Us"))) + " / " + signed(median(added(base, veil, "p99Us")));
        row[5] = ratio(median(ratios(base, veil, "p50Us"))) + " / " + ratio(median(ratios(base, veil, "p99Us")));
        for (int i = 0; i < PEERS.size(); i++) {
            List<Map<String, Double>> peer = rounds.runs.get(PEERS.get(i));
            row[6 + i] = peer == null ? "–" : pair(peer, "p50Us", "p99Us") + " (" + signed(median(added(base, peer, "p50Us")))
                    + " / " + signed(median(added(base, peer, "p99Us"))) + ")";
        }
        row[8] = target;
        rows.add(row);
    }

    String render(String command) {
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(LocalDate.now()).append(" on ").append(machine()).append("; ")
                .append(String.join(", ", jdks)).append(".\n");
        md.append("Command: `").append(command).append("`.\n");
        md.append("Each figure is the median over rounds that run every variant in turn; \"added\" and \"×\" are the medians of")
                .append(" the per-round differences and ratios against the no-agent run of the same round.\n\n");
        md.append("| What | JDK | No agent | Veil | Veil added | Veil × | OpenTelemetry agent (added) | Datadog agent (added) | Target |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (String[] row : rows) {
            md.append('|');
            for (String cell : row) {
                md.append(' ').append(cell).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String pair(List<Map<String, Double>> runs, String a, String b) {
        return fmt(median(values(runs, a))) + " / " + fmt(median(values(runs, b)));
    }

    private static List<Double> values(List<Map<String, Double>> runs, String metric) {
        List<Double> v = new ArrayList<>();
        for (Map<String, Double> run : runs) {
            Double d = run.get(metric);
            if (d != null) {
                v.add(d);
            }
        }
        return v;
    }

    private static List<Double> added(List<Map<String, Double>> base, List<Map<String, Double>> other, String metric) {
        return paired(base, other, metric, (a, b) -> b - a);
    }

    private static List<Double> ratios(List<Map<String, Double>> base, List<Map<String, Double>> other, String metric) {
        return paired(base, other, metric, (a, b) -> a == 0 ? Double.NaN : b / a);
    }

    /** {@code op(base, other)} for each round where both runs have the metric. */
    private static List<Double> paired(List<Map<String, Double>> base, List<Map<String, Double>> other, String metric,
                                       DoubleBinaryOperator op) {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < Math.min(base.size(), other.size()); i++) {
            Double a = base.get(i).get(metric);
            Double b = other.get(i).get(metric);
            if (a != null && b != null && !Double.isNaN(op.applyAsDouble(a, b))) {
                v.add(op.applyAsDouble(a, b));
            }
        }
        return v;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        String s = String.format(Locale.ROOT, a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : "%.2f", v);
        return s.replace(',', ' ');
    }

    static String signed(double v) {
        return Double.isNaN(v) ? "n/a" : (v >= 0 ? "+" : "−") + fmt(Math.abs(v));
    }

    static String ratio(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** CPU model, cores, memory and OS, from /proc where available. */
    static String machine() {
        String cpu = System.getProperty("os.arch");
        String mem = "";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    mem = String.format(Locale.ROOT, ", %.0f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: architecture only
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores" + mem + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }
}
