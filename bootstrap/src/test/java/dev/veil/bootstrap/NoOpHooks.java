package dev.veil.bootstrap;

/** Hooks for tests: match nothing, pass everything, mask nothing; tests override what they exercise. */
class NoOpHooks implements VeilHooks {

    @Override
    public Object matchEndpoint(String method, String scheme, String host, int port, String rawPath, String rawQuery) {
        return null;
    }

    @Override
    public RequestVerdict inspectRequest(Object endpoint, byte[] body, String contentEncoding, String traceparent,
                                         boolean canFilterResponse) {
        return RequestVerdict.pass();
    }

    @Override
    public void responseStarted(Object call, int status, String contentType, String contentEncoding) {
    }

    @Override
    public void responseChunk(Object call, byte[] bytes, int offset, int length) {
    }

    @Override
    public byte[] filterResponseChunk(Object call, byte[] bytes, int offset, int length) {
        return bytes;
    }

    @Override
    public byte[] finishResponseFilter(Object call) {
        return new byte[0];
    }

    @Override
    public void callEnded(Object call, Throwable failure) {
    }

    @Override
    public RequestVerdict interceptionFailed(Object endpoint, Throwable failure) {
        return RequestVerdict.pass();
    }

    @Override
    public long maxPromptBytes() {
        return 1 << 20;
    }

    @Override
    public String maskLog(String text) {
        return text;
    }

    @Override
    public boolean logMayHoldSecret(CharSequence text) {
        return false;
    }

    @Override
    public java.io.PrintStream wrapConsole(java.io.PrintStream stream) {
        return stream;
    }
}
