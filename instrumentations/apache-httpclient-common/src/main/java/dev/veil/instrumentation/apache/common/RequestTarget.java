package dev.veil.instrumentation.apache.common;

/** Splits a raw request target ({@code /path?query} or an absolute URI) into the parts Veil matches on. */
public final class RequestTarget {

    public final String scheme;
    public final String host;
    public final int port;
    public final String rawPath;
    public final String rawQuery;

    private RequestTarget(String scheme, String host, int port, String rawPath, String rawQuery) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
    }

    /**
     * {@code scheme}, {@code host}, {@code port}: the target the client connects to (host may be null when
     * only the request target names it). {@code requestUri}: the request line's target as given by the app.
     */
    public static RequestTarget of(String scheme, String host, int port, String requestUri) {
        String rest = requestUri == null || requestUri.isEmpty() ? "/" : requestUri;
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        int colonSlashes = rest.indexOf("://");
        if (colonSlashes > 0 && rest.indexOf('/') > colonSlashes) {
            String uriScheme = rest.substring(0, colonSlashes);
            String afterScheme = rest.substring(colonSlashes + 3);
            int pathStart = firstOf(afterScheme, '/', '?');
            String authority = pathStart < 0 ? afterScheme : afterScheme.substring(0, pathStart);
            rest = pathStart < 0 ? "/" : afterScheme.substring(pathStart);
            if (host == null) {
                int at = authority.lastIndexOf('@');
                String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
                int colon = hostPort.lastIndexOf(':');
                boolean hasPort = colon > hostPort.lastIndexOf(']');
                host = hasPort ? hostPort.substring(0, colon) : hostPort;
                port = hasPort ? parsePort(hostPort.substring(colon + 1)) : -1;
                scheme = uriScheme;
            }
        }
        int question = rest.indexOf('?');
        String path = question >= 0 ? rest.substring(0, question) : rest;
        String query = question >= 0 ? rest.substring(question + 1) : null;
        if (host != null && host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new RequestTarget(scheme, host, port, path.isEmpty() ? "/" : path, query);
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static int parsePort(String s) {
        try {
            return s.isEmpty() ? -1 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
