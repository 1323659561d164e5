package dev.veil.agent.telemetry;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

/** The W3C {@code traceparent} header: {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}. */
final class Traceparent {
    private Traceparent() {
    }

    /** The remote parent named by the header, or null when it is absent or malformed (then Veil's span is a root). */
    static SpanContext parse(String header) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        // Version 00 is exactly 55 characters; later versions may append fields after a dash.
        if (h.length() < 55 || h.charAt(2) != '-' || h.charAt(35) != '-' || h.charAt(52) != '-'
                || (h.length() > 55 && h.charAt(55) != '-') || h.startsWith("ff") || !hex(h, 0, 2)) {
            return null;
        }
        if (h.startsWith("00") && h.length() != 55) {
            return null;
        }
        String traceId = h.substring(3, 35);
        String spanId = h.substring(36, 52);
        String flags = h.substring(53, 55);
        if (!hex(h, 3, 35) || !hex(h, 36, 52) || !hex(h, 53, 55)) {
            return null;
        }
        SpanContext ctx = SpanContext.createFromRemoteParent(traceId, spanId,
                TraceFlags.fromByte((byte) Integer.parseInt(flags, 16)), TraceState.getDefault());
        return ctx.isValid() ? ctx : null;
    }

    static String format(SpanContext ctx) {
        return "00-" + ctx.getTraceId() + "-" + ctx.getSpanId() + "-" + ctx.getTraceFlags().asHex();
    }

    private static boolean hex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
