package dev.veil.agent.detect;

/**
 * Cryptocurrency addresses with their checksums verified: Bitcoin legacy and P2SH (Base58Check),
 * Bitcoin SegWit/Taproot ({@code bc1}, bech32/bech32m) and Ethereum ({@code 0x} + 40 hex, EIP-55
 * mixed-case checksum; an all-lower-case address has no checksum and needs a wallet word nearby).
 */
final class CryptoWallets {
    private CryptoWallets() {
    }

    /** Substring matches, so no "ether" (together, whether) and no "pay" (payments). */
    private static final Context ETH_CONTEXT = Context.of("ethereum", " eth ", "eth:", "eth address", "wallet", "metamask",
            "erc20", "erc-20", "usdt", "usdc", "polygon", "arbitrum");

    /** The address that is the word token [start, end), or null. */
    static Finding at(String s, int start, int end) {
        char c0 = s.charAt(start);
        int len = end - start;
        if ((c0 == '1' || c0 == '3') && len >= 26 && len <= 35) {
            return Base58Check.validBitcoin(s, start, end) ? Finding.of(start, end, Detector.BITCOIN_ADDRESS) : null;
        }
        if (c0 == 'b' && len >= 14 && len <= 74 && s.startsWith("bc1", start)) {
            return Bech32.valid(s, start, end) ? Finding.of(start, end, Detector.BITCOIN_ADDRESS) : null;
        }
        if (c0 == '0' && len == 42 && s.charAt(start + 1) == 'x' && Chars.allHex(s, start + 2, end)) {
            return ethereum(s, start, end) ? Finding.of(start, end, Detector.ETHEREUM_ADDRESS) : null;
        }
        return null;
    }

    private static boolean ethereum(String s, int start, int end) {
        boolean upper = false;
        boolean lower = false;
        for (int i = start + 2; i < end; i++) {
            upper |= Chars.isUpper(s.charAt(i));
            lower |= Chars.isLower(s.charAt(i));
        }
        if (upper && lower) {
            return Eip55.valid(s, start + 2, end);
        }
        return Entropy.bits(s, start + 2, end) >= 3.0 && ETH_CONTEXT.near(s, start, end);
    }
}
