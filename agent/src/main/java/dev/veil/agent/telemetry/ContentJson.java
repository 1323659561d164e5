package dev.veil.agent.telemetry;

import dev.veil.agent.redact.PromptScrubber;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serialises captured messages to JSON for span attributes: every string goes through the redaction
 * scrubber first (once per element; only the schema's own words — roles, part types, finish reasons — are kept),
 * and the result never exceeds a byte cap. When it would, whole elements are kept while they fit and the
 * text of the first one that does not is cut to fit; the output is always a complete JSON array.
 */
final class ContentJson {
    private static final Set<String> SCHEMA_KEYS = new HashSet<String>(Arrays.asList(
            "role", "parts", "type", "content", "id", "name", "arguments", "response", "finish_reason"));
    private static final Set<String> VERBATIM_VALUES = new HashSet<String>(Arrays.asList("role", "type", "finish_reason"));

    private final PromptScrubber scrubber;
    private final long maxBytes;

    ContentJson(PromptScrubber scrubber, long maxBytes) {
        this.scrubber = scrubber;
        this.maxBytes = maxBytes;
    }

    /** The elements as a JSON array of at most {@code maxBytes} UTF-8 bytes, or null when the list is empty. */
    String array(List<? extends Object> elements) {
        if (elements.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder("[");
        long size = 2;
        for (Object raw : elements) {
            Object e = scrubbed(raw, false);
            String json = write(e, Integer.MAX_VALUE);
            long add = utf8(json) + (out.length() > 1 ? 1 : 0);
            if (size + add <= maxBytes) {
                append(out, json);
                size += add;
                continue;
            }
            String cut = longestFitting(e, maxBytes - size - (out.length() > 1 ? 1 : 0));
            if (cut != null) {
                append(out, cut);
            }
            break;
        }
        return out.append(']').toString();
    }

    private static void append(StringBuilder out, String json) {
        if (out.length() > 1) {
            out.append(',');
        }
        out.append(json);
    }

    /** The element with as much of its text as fits in {@code room} bytes; null when not even its skeleton fits. */
    private String longestFitting(Object element, long room) {
        String empty = write(element, 0);
        if (utf8(empty) > room) {
            return null;
        }
        int lo = 0;
        int hi = textLength(element);
        String best = empty;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            String candidate = write(element, mid);
            if (utf8(candidate) <= room) {
                best = candidate;
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    /** A copy with every string scrubbed, except schema keys and the values of role, type and finish_reason. */
    private Object scrubbed(Object v, boolean verbatim) {
        if (v instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<String, Object>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                String key = String.valueOf(e.getKey());
                out.put(SCHEMA_KEYS.contains(key) ? key : scrubber.scrub(key),
                        scrubbed(e.getValue(), VERBATIM_VALUES.contains(key)));
            }
            return out;
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<Object>();
            for (Object o : (List<?>) v) {
                out.add(scrubbed(o, false));
            }
            return out;
        }
        if (v instanceof String && !verbatim) {
            return scrubber.scrub((String) v);
        }
        return v;
    }

    /** Serialises {@code value} (already scrubbed), keeping at most {@code textBudget} characters of its free text. */
    String write(Object value, int textBudget) {
        StringBuilder sb = new StringBuilder();
        new Writer(sb, textBudget).value(value, false);
        return sb.toString();
    }

    private int textLength(Object value) {
        StringBuilder sb = new StringBuilder();
        Writer w = new Writer(sb, Integer.MAX_VALUE);
        w.value(value, false);
        return w.used;
    }

    private final class Writer {
        private final StringBuilder sb;
        private int budget;
        int used;

        Writer(StringBuilder sb, int budget) {
            this.sb = sb;
            this.budget = budget;
        }

        void value(Object v, boolean verbatim) {
            if (v instanceof Map) {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    String key = String.valueOf(e.getKey());
                    quote(key);
                    sb.append(':');
                    value(e.getValue(), VERBATIM_VALUES.contains(key));
                }
                sb.append('}');
            } else if (v instanceof List) {
                sb.append('[');
                boolean first = true;
                for (Object o : (List<?>) v) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    value(o, false);
                }
                sb.append(']');
            } else if (v instanceof String) {
                quote(verbatim ? (String) v : cut((String) v));
            } else if (v == null) {
                sb.append("null");
            } else {
                sb.append(v); // Number or Boolean
            }
        }

        private String cut(String s) {
            used += s.length();
            if (s.length() <= budget) {
                budget -= s.length();
                return s;
            }
            int end = budget;
            if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
                end--; // never split a surrogate pair
            }
            budget = 0;
            return s.substring(0, end);
        }

        private void quote(String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c < 0x20) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else if (Character.isSurrogate(c) && !validPair(s, i)) {
                    sb.append("\\ufffd");
                } else {
                    sb.append(c);
                }
            }
            sb.append('"');
        }

        private boolean validPair(String s, int i) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            }
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
    }

    static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
