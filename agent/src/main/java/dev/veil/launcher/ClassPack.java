package dev.veil.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.util.jar.JarFile;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;

/**
 * The agent's isolated classes, packed by the build ({@code agent/src/build/IsolateAgentJar.java}) into
 * one stored jar entry, {@value #ENTRY}. The JVM parses every central-directory entry of a
 * {@code -javaagent} jar at start-up, in interpreted code; thousands of class entries cost tens of
 * milliseconds before {@code premain} runs. With the pack the jar holds a few dozen entries, the index
 * is read once, and finding a class is a binary search in it: no per-class zip lookup.
 *
 * <p>Layout, big-endian: {@code int magic "VCP1"}, {@code int count}, {@code int dataStart} (offset of
 * the first data byte from the start of the entry); {@code count} records of {@code int nameStart, int
 * dataOffset, int storedLength, int rawLength}, sorted by name; {@code int namesEnd}; the names (ASCII
 * internal names without {@code .class}, such as {@code dev/veil/agent/AgentMain}, back to back, offsets
 * relative to the first name byte); then each class file, raw-deflated (no zlib header).
 */
public final class ClassPack {

    /** The jar entry holding the pack (stored, not compressed, so reads can skip to any class). */
    public static final String ENTRY = "veil-inst/classes.pack";

    static final int MAGIC = 0x56435031;
    private static final int HEADER = 12;
    private static final int RECORD = 16;

    private final JarFile jar;
    private final ZipEntry entry;
    private final byte[] index;
    private final int count;
    private final int dataStart;
    private final int namesStart;

    private ClassPack(JarFile jar, ZipEntry entry, byte[] index, int count, int dataStart) {
        this.jar = jar;
        this.entry = entry;
        this.index = index;
        this.count = count;
        this.dataStart = dataStart;
        this.namesStart = HEADER + count * RECORD + 4;
    }

    /** Reads the index of the pack in {@code jar}; null when the jar has none. */
    public static ClassPack open(JarFile jar) throws IOException {
        ZipEntry entry = jar.getEntry(ENTRY);
        if (entry == null) {
            return null;
        }
        InputStream in = jar.getInputStream(entry);
        try {
            byte[] header = readFully(in, HEADER);
            if (readInt(header, 0) != MAGIC) {
                throw new IOException("not a Veil class pack: " + ENTRY);
            }
            int count = readInt(header, 4);
            int dataStart = readInt(header, 8);
            if (count < 0 || dataStart < HEADER || dataStart > entry.getSize()) {
                throw new IOException("corrupt Veil class pack: " + ENTRY);
            }
            byte[] index = new byte[dataStart];
            System.arraycopy(header, 0, index, 0, HEADER);
            byte[] rest = readFully(in, dataStart - HEADER);
            System.arraycopy(rest, 0, index, HEADER, rest.length);
            return new ClassPack(jar, entry, index, count, dataStart);
        } finally {
            in.close();
        }
    }

    /** How many classes the pack holds. */
    public int size() {
        return count;
    }

    /** The internal name of the {@code i}-th class (sorted order). */
    public String name(int i) {
        int start = nameStart(i);
        int end = nameEnd(i);
        char[] chars = new char[end - start];
        for (int k = 0; k < chars.length; k++) {
            chars[k] = (char) (index[namesStart + start + k] & 0xff);
        }
        return new String(chars);
    }

    /** The class file of {@code internalName} (e.g. {@code dev/veil/agent/AgentMain}), or null when absent. */
    public byte[] read(String internalName) throws IOException {
        int i = find(internalName);
        return i < 0 ? null : read(i);
    }

    /** The class file of the {@code i}-th class. */
    public byte[] read(int i) throws IOException {
        int record = HEADER + i * RECORD;
        int offset = readInt(index, record + 4);
        int stored = readInt(index, record + 8);
        int raw = readInt(index, record + 12);
        byte[] deflated;
        InputStream in = jar.getInputStream(entry);
        try {
            long skip = (long) dataStart + offset;
            while (skip > 0) {
                long n = in.skip(skip);
                if (n <= 0) {
                    throw new IOException("truncated Veil class pack");
                }
                skip -= n;
            }
            // One spare byte: a raw inflater may need it past the end of the stream.
            deflated = new byte[stored + 1];
            readInto(in, deflated, stored);
        } finally {
            in.close();
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            byte[] bytes = new byte[raw];
            int n = 0;
            while (n < raw) {
                int k = inflater.inflate(bytes, n, raw - n);
                if (k == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += k;
            }
            if (n != raw) {
                throw new IOException("corrupt class in the Veil class pack: " + name(i));
            }
            return bytes;
        } catch (DataFormatException e) {
            throw new IOException("corrupt class in the Veil class pack: " + name(i), e);
        } finally {
            inflater.end();
        }
    }

    /** Binary search over the sorted names; -1 when absent. No allocation. */
    int find(String name) {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(mid, name);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private int compare(int i, String name) {
        int start = namesStart + nameStart(i);
        int length = nameEnd(i) - nameStart(i);
        int n = Math.min(length, name.length());
        for (int k = 0; k < n; k++) {
            int a = index[start + k] & 0xff;
            int b = name.charAt(k);
            if (a != b) {
                return a - b;
            }
        }
        return length - name.length();
    }

    private int nameStart(int i) {
        return readInt(index, HEADER + i * RECORD);
    }

    private int nameEnd(int i) {
        return i + 1 < count ? nameStart(i + 1) : readInt(index, HEADER + count * RECORD);
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static byte[] readFully(InputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        readInto(in, bytes, length);
        return bytes;
    }

    private static void readInto(InputStream in, byte[] bytes, int length) throws IOException {
        int n = 0;
        while (n < length) {
            int k = in.read(bytes, n, length - n);
            if (k < 0) {
                throw new IOException("truncated Veil class pack");
            }
            n += k;
        }
    }
}
