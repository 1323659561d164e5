package dev.veil.agent.llm.json;

import java.util.Arrays;

/** A growable byte buffer without the synchronisation of {@code ByteArrayOutputStream}. */
public final class ByteSink {
    private byte[] buf;
    private int size;

    public ByteSink(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    public void write(int b) {
        if (size == buf.length) {
            grow(size + 1);
        }
        buf[size++] = (byte) b;
    }

    public void write(byte[] b, int off, int len) {
        if (size + len > buf.length) {
            grow(size + len);
        }
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    public int size() {
        return size;
    }

    /** The internal array; valid up to {@link #size()}. */
    public byte[] array() {
        return buf;
    }

    public void reset() {
        size = 0;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void grow(int min) {
        int cap = Math.max(min, buf.length * 2);
        buf = Arrays.copyOf(buf, cap);
    }
}
