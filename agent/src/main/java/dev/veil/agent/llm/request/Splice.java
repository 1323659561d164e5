package dev.veil.agent.llm.request;

/** Replace {@code [start, end)} of the original body with {@code bytes}. */
final class Splice implements Comparable<Splice> {
    final int start;
    final int end;
    final byte[] bytes;

    Splice(int start, int end, byte[] bytes) {
        this.start = start;
        this.end = end;
        this.bytes = bytes;
    }

    @Override
    public int compareTo(Splice o) {
        return start != o.start ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
    }
}
