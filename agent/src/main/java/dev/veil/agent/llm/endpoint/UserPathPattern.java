package dev.veil.agent.llm.endpoint;

import dev.veil.agent.llm.ApiFamily;

/**
 * One {@code veil.llm.paths} entry: segments matched against the end of the request path ({@code *} is
 * any one segment), with an optional wire format after {@code =}.
 */
public final class UserPathPattern {
    private final String[] segments;
    private final ApiFamily family;

    private UserPathPattern(String[] segments, ApiFamily family) {
        this.segments = segments;
        this.family = family;
    }

    /** Parses an entry already validated by {@code LlmSettings}. */
    public static UserPathPattern parse(String entry) {
        int eq = entry.indexOf('=');
        String path = (eq < 0 ? entry : entry.substring(0, eq)).trim();
        ApiFamily family = eq < 0 ? null : ApiFamily.byConfigName(entry.substring(eq + 1));
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new UserPathPattern(path.split("/"), family);
    }

    /** The declared family, or null to infer it from the path (falling back to {@link ApiFamily#GENERIC}). */
    public ApiFamily family() {
        return family;
    }

    /** Whether the raw path ends with this pattern, compared segment by segment without allocation. */
    public boolean matches(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        for (int i = segments.length - 1; i >= 0; i--) {
            int start = path.lastIndexOf('/', end - 1) + 1;
            if (start <= 0 && i > 0) {
                return false;
            }
            String seg = segments[i];
            int len = end - start;
            if (seg.equals("*")) {
                if (len == 0) {
                    return false;
                }
            } else if (len != seg.length() || !path.regionMatches(start, seg, 0, len)) {
                return false;
            }
            end = start - 1;
            if (end < 0 && i > 0) {
                return false;
            }
        }
        return true;
    }
}
