package dev.veil.agent.llm;

import java.util.Random;

/** Feeds bytes to a parser in random pieces, the way a socket delivers them. */
final class Chunking {
    private Chunking() {
    }

    /** Feeds {@code body} in random-sized chunks; every chunk is copied into a reused buffer, as apps do. */
    static ResponseInfo feedRandomly(ResponseParser p, byte[] body, Random random) {
        byte[] buffer = new byte[body.length + 16];
        int pos = 0;
        while (pos < body.length) {
            int max = random.nextInt(4) == 0 ? 3 : 200;
            int n = Math.min(body.length - pos, 1 + random.nextInt(max));
            int off = random.nextInt(8);
            System.arraycopy(body, pos, buffer, off, n);
            p.onBytes(buffer, off, n);
            java.util.Arrays.fill(buffer, (byte) 'x'); // the app reuses its buffer: the parser must not keep it
            pos += n;
        }
        p.onEnd();
        return p.result();
    }

    /** A result's observable content, for equality checks. */
    static String describe(ResponseInfo r) {
        return r + " text=" + r.outputText() + " fp=" + r.systemFingerprint() + " tier=" + r.serviceTier()
                + " ttfc=" + (r.timeToFirstChunkNanos() >= 0);
    }
}
