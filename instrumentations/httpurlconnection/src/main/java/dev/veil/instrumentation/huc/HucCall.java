package dev.veil.instrumentation.huc;

/** Veil's handle for one connection's LLM call, and the tee the app reads its response through. */
final class HucCall {
    final Object handle;
    TeeInputStream stream;

    HucCall(Object handle) {
        this.handle = handle;
    }
}
