package dev.veil.agent.llm.response;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Incremental {@code Content-Encoding: gzip} / {@code deflate} decoding in front of a framer. The gzip
 * header is parsed as it arrives (it may be split like anything else); deflate is zlib-wrapped per
 * HTTP, but raw deflate is accepted too.
 */
final class Inflating implements Framer {
    private static final int MAX_HEADER = 64 * 1024;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final Framer next;
    private final ResponseFacts facts;
    private final boolean gzip;
    private Inflater inflater;
    private final byte[] out = new byte[16 * 1024];
    /** Header bytes collected before inflating starts (gzip header, or the 2 bytes that tell zlib from raw). */
    private byte[] header = new byte[32];
    private int headerFill;
    private boolean done;

    Inflating(Framer next, ResponseFacts facts, boolean gzip) {
        this.next = next;
        this.facts = facts;
        this.gzip = gzip;
    }

    @Override
    public void onBytes(byte[] b, int off, int len) {
        if (done || len <= 0) {
            return;
        }
        if (inflater == null) {
            int used = collectHeader(b, off, len);
            if (inflater == null) {
                return;
            }
            off += used;
            len -= used;
        }
        inflate(b, off, len);
    }

    /** Collects header bytes; creates the inflater once the header is complete. Returns bytes used from b. */
    private int collectHeader(byte[] b, int off, int len) {
        int used = 0;
        while (used < len && inflater == null && !done) {
            if (headerFill == header.length) {
                if (header.length >= MAX_HEADER) {
                    fail();
                    return used;
                }
                header = java.util.Arrays.copyOf(header, header.length * 2);
            }
            header[headerFill++] = b[off + used++];
            int start = gzip ? gzipHeaderLength() : deflateStart();
            if (start >= 0) {
                inflater = new Inflater(true);
                if (!gzip && start == 2) {
                    inflater.end();
                    inflater = new Inflater(false);
                    inflate(header, 0, 2);
                } else if (!gzip) {
                    inflate(header, 0, headerFill);
                }
            }
        }
        return used;
    }

    /** Total gzip header length once it is complete, else -1 (RFC 1952). */
    private int gzipHeaderLength() {
        if (headerFill < 10) {
            return -1;
        }
        if ((header[0] & 0xFF) != 0x1F || (header[1] & 0xFF) != 0x8B || header[2] != 8) {
            fail();
            return -1;
        }
        int flags = header[3];
        int p = 10;
        if ((flags & FEXTRA) != 0) {
            if (headerFill < p + 2) {
                return -1;
            }
            p += 2 + ((header[p] & 0xFF) | (header[p + 1] & 0xFF) << 8);
        }
        if ((flags & FNAME) != 0) {
            p = afterZero(p);
            if (p < 0) {
                return -1;
            }
        }
        if ((flags & FCOMMENT) != 0) {
            p = afterZero(p);
            if (p < 0) {
                return -1;
            }
        }
        if ((flags & FHCRC) != 0) {
            p += 2;
        }
        return headerFill >= p ? p : -1;
    }

    private int afterZero(int p) {
        for (int i = p; i < headerFill; i++) {
            if (header[i] == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** 2 for a zlib stream (its 2-byte header goes to a zlib inflater), 0 for raw deflate, -1 until known. */
    private int deflateStart() {
        if (headerFill < 2) {
            return -1;
        }
        int cmf = header[0] & 0xFF;
        int flg = header[1] & 0xFF;
        return (cmf & 0x0F) == 8 && ((cmf << 8) | flg) % 31 == 0 ? 2 : 0;
    }

    private void inflate(byte[] b, int off, int len) {
        if (len <= 0 || done) {
            return;
        }
        inflater.setInput(b, off, len);
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(out);
                if (n > 0) {
                    next.onBytes(out, 0, n);
                } else if (inflater.needsInput() || inflater.needsDictionary()) {
                    break;
                }
            }
            if (inflater.finished()) {
                done = true; // trailer and any further gzip member are not needed for telemetry
                inflater.end();
            }
        } catch (DataFormatException e) {
            fail();
        }
    }

    private void fail() {
        done = true;
        facts.malformed = true;
        if (inflater != null) {
            inflater.end();
        }
    }

    @Override
    public void onEnd() {
        if (inflater != null && !done) {
            inflater.end();
        }
        done = true;
        next.onEnd();
    }
}
