package dev.veil.agent.audit;

import dev.veil.agent.call.CallListener;
import dev.veil.agent.call.CallRecord;
import dev.veil.agent.llm.ResponseInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import org.slf4j.Logger;

/**
 * The audit log: one JSON line per LLM call, appended on the thread that ends the call (no thread of its
 * own). It holds what was decided and found — detector ids, counts and HMAC fingerprints of the values (the
 * {@code hash} operator's keyed digest, so equal values can be correlated within one process run) — and
 * Veil's own failure when {@code veil.failure} applied; never a prompt, a header or a detected value. The file is created readable by its owner only and rotated at a size cap.
 * A write failure is reported once in the agent log and never reaches the application.
 */
public final class AuditLog implements CallListener {

    private final Path file;
    private final long maxBytes;
    private final int keep;
    private final String host;
    private final Logger log;
    private OutputStream out;
    private long size;
    private boolean failedOnce;

    public AuditLog(Path file, long maxBytes, int keep, Logger log) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.keep = keep;
        this.log = log;
        this.host = hostName();
    }

    @Override
    public boolean wantsFingerprints() {
        return true;
    }

    @Override
    public void callEnded(CallRecord call) {
        byte[] line = (toJson(call) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                if (out == null) {
                    open();
                }
                if (size > 0 && size + line.length > maxBytes) {
                    rotate();
                }
                out.write(line);
                out.flush();
                size += line.length;
            } catch (IOException | RuntimeException e) {
                if (!failedOnce) {
                    failedOnce = true;
                    log.warn("cannot write the audit log {}; audit lines are lost until it is writable", file, e);
                }
                closeQuietly();
            }
        }
    }

    String toJson(CallRecord call) {
        ResponseInfo response = call.response();
        StringBuilder sb = new StringBuilder(256);
        sb.append('{');
        field(sb, "time", timestamp(call.startEpochNanos() / 1000000));
        field(sb, "host", host);
        field(sb, "provider", call.endpoint().provider());
        field(sb, "operation", call.endpoint().operation());
        field(sb, "server", call.endpoint().serverAddress());
        field(sb, "model", call.request() != null && call.request().model() != null ? call.request().model()
                : call.endpoint().modelFromPath());
        if (response != null && response.responseModel() != null) {
            field(sb, "response_model", response.responseModel());
        }
        field(sb, "action", call.action().attributeValue());
        sb.append("\"findings\":{");
        boolean first = true;
        for (Map.Entry<String, Integer> e : call.findings().entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, e.getKey());
            sb.append(':').append(e.getValue());
        }
        sb.append("},");
        if (!call.fingerprints().isEmpty()) {
            // HMAC-SHA-256 (per-process key, truncated as the hash operator does) of each distinct value found
            sb.append("\"fingerprints\":{");
            first = true;
            for (Map.Entry<String, java.util.SortedSet<String>> e : call.fingerprints().entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, e.getKey());
                sb.append(":[");
                boolean firstHash = true;
                for (String h : e.getValue()) {
                    if (!firstHash) {
                        sb.append(',');
                    }
                    firstHash = false;
                    string(sb, h);
                }
                sb.append(']');
            }
            sb.append("},");
        }
        if (call.veilError() != null) {
            field(sb, "veil_error", call.veilError());
        }
        sb.append("\"status\":").append(call.status()).append(',');
        if (call.failure() != null) {
            field(sb, "error", call.failure().getClass().getName());
        }
        String traceId = traceId(call.traceparent());
        if (traceId != null) {
            field(sb, "trace_id", traceId);
        }
        sb.append("\"duration_ms\":").append(call.durationNanos() / 1000000);
        sb.append('}');
        return sb.toString();
    }

    private void open() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!Files.exists(file)) {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        }
        size = Files.size(file);
        out = Files.newOutputStream(file, StandardOpenOption.APPEND);
    }

    private void rotate() throws IOException {
        closeQuietly();
        if (keep == 0) {
            Files.delete(file);
        } else {
            for (int i = keep - 1; i >= 1; i--) {
                Path from = sibling(i);
                if (Files.exists(from)) {
                    Files.move(from, sibling(i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(file, sibling(1), StandardCopyOption.REPLACE_EXISTING);
        }
        open();
    }

    private Path sibling(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    private void closeQuietly() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // reopened on the next line
            }
            out = null;
        }
    }

    /** The trace id of a W3C {@code traceparent} ({@code 00-<32 hex>-<16 hex>-<2 hex>}), or null. */
    static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.trim().split("-");
        if (parts.length < 4 || parts[1].length() != 32) {
            return null;
        }
        for (int i = 0; i < 32; i++) {
            if (Character.digit(parts[1].charAt(i), 16) < 0) {
                return null;
            }
        }
        return parts[1].toLowerCase(java.util.Locale.ROOT);
    }

    private static String timestamp(long epochMillis) {
        SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        return f.format(new Date(epochMillis));
    }

    /** The machine's configured name, read without a DNS lookup (unlike {@code InetAddress.getLocalHost()}). */
    private static String hostName() {
        try {
            Path kernel = java.nio.file.Paths.get("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                String name = new String(Files.readAllBytes(kernel), StandardCharsets.UTF_8).trim();
                if (!name.isEmpty()) {
                    return name;
                }
            }
            String env = System.getenv("HOSTNAME");
            if (env == null || env.isEmpty()) {
                env = System.getenv("COMPUTERNAME");
            }
            return env != null && !env.isEmpty() ? env : "unknown";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void field(StringBuilder sb, String name, String value) {
        string(sb, name);
        sb.append(':');
        if (value == null) {
            sb.append("null");
        } else {
            string(sb, value);
        }
        sb.append(',');
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
