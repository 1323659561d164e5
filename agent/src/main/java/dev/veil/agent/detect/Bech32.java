package dev.veil.agent.detect;

/** BIP-173/BIP-350 checksums for {@code bc1} SegWit (bech32) and Taproot (bech32m) addresses. */
final class Bech32 {
    private Bech32() {
    }

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int BECH32 = 1;
    private static final int BECH32M = 0x2bc830a3;
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    static boolean valid(String s, int start, int end) {
        // human-readable part "bc", separator '1', data of at least 6 checksum chars + witness version
        int chk = polymodStep(1, 'b' >> 5);
        chk = polymodStep(chk, 'c' >> 5);
        chk = polymodStep(chk, 0);
        chk = polymodStep(chk, 'b' & 31);
        chk = polymodStep(chk, 'c' & 31);
        int version = -1;
        for (int i = start + 3; i < end; i++) {
            int v = CHARSET.indexOf(s.charAt(i));
            if (v < 0) {
                return false;
            }
            if (version < 0) {
                version = v;
            }
            chk = polymodStep(chk, v);
        }
        int dataLength = end - start - 3;
        if (version < 0 || version > 16 || dataLength < 7) {
            return false;
        }
        return version == 0 ? chk == BECH32 : chk == BECH32M;
    }

    private static int polymodStep(int chk, int value) {
        int top = chk >>> 25;
        int c = (chk & 0x1ffffff) << 5 ^ value;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) != 0) {
                c ^= GENERATOR[i];
            }
        }
        return c;
    }
}
