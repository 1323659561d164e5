package dev.veil.instrumentation.huc;

/** Veil's handle for one connection's LLM call, and the tee the app reads its response through. */
final class HucCall {
    final Object handle;
    /** Headers the advice sets on the request before it is written (e.g. {@code traceparent}). */
    final java.util.Map<String, String> headers;
    TeeInputStream stream;

    HucCall(Object handle, java.util.Map<String, String> headers) {
        this.handle = handle;
        this.headers = headers;
    }
}
