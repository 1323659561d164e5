package dev.veil.agent.llm.response;

import dev.veil.agent.llm.json.JsonText;

/**
 * Member names as strings without allocating one per occurrence: a stream repeats the same few dozen
 * names in every chunk. Bounded; once full, further names are simply created each time.
 */
final class NameCache {
    private static final int SLOTS = 512;
    private static final int MAX_ENTRIES = 384;
    private static final int MAX_NAME = 64;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] names = new String[SLOTS];
    private final int[] flags = new int[SLOTS];
    private int entries;
    private int lastFlags;

    /** The {@link FieldNames} flags of the name last returned by {@link #get}. */
    int lastFlags() {
        return lastFlags;
    }

    String get(byte[] b, int start, int end, boolean escaped, boolean ascii) {
        int len = end - start;
        if (escaped || len > MAX_NAME || len == 0) {
            String name = JsonText.decode(b, start, end, escaped, ascii);
            lastFlags = FieldNames.flags(name);
            return name;
        }
        // A cheap hash (length and three bytes): the full comparison below decides anyway.
        int h = len * 961 + b[start] * 31 + b[end - 1] * 7 + b[start + (len >> 1)];
        int slot = (h ^ (h >>> 7)) & (SLOTS - 1);
        while (true) {
            byte[] k = keys[slot];
            if (k == null) {
                String name = JsonText.decode(b, start, end, false, ascii);
                lastFlags = FieldNames.flags(name);
                if (entries < MAX_ENTRIES) {
                    keys[slot] = java.util.Arrays.copyOfRange(b, start, end);
                    names[slot] = name;
                    flags[slot] = lastFlags;
                    entries++;
                }
                return name;
            }
            if (k.length == len && same(k, b, start)) {
                lastFlags = flags[slot];
                return names[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
    }

    private static boolean same(byte[] k, byte[] b, int start) {
        for (int i = 0; i < k.length; i++) {
            if (k[i] != b[start + i]) {
                return false;
            }
        }
        return true;
    }
}
