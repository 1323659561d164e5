package dev.veil.agent.detect;

/**
 * AWS secret access keys: exactly 40 chars of {@code [A-Za-z0-9/+]} with both cases and high entropy.
 * The shape is generic, so it only counts next to an AWS context word or an assignment to
 * {@code aws_secret_access_key}; pure hex (a git SHA-1) and the documentation key never count.
 */
final class AwsSecrets {
    private AwsSecrets() {
    }

    static final Context CONTEXT = Context.of("aws", "secret_access", "secret access", "secretaccesskey", "amazon");

    /**
     * A 40-char value found only through a context word nearby (not assigned to an AWS key name): the
     * shape is shared with identifiers, binary class names and paths ({@code com/amazonaws/services/s3/
     * AmazonS3Client} is 40 chars), so it must also look like 30 random bytes in base64: cases mixed
     * throughout (not CamelCase words), at least one digit, and not a path of readable segments.
     */
    static boolean plausibleNearContext(String s, int start, int end) {
        return plausible(s, start, end) && SecretValues.casesMixedThroughout(s, start, end) && hasDigit(s, start, end)
                && !SecretValues.looksLikePath(s, start, end);
    }

    private static boolean hasDigit(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Chars.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean plausible(String s, int start, int end) {
        if (end - start != 40 || Chars.allHex(s, start, end)) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (!Chars.isAlnum(c) && c != '/' && c != '+') {
                return false;
            }
            upper |= Chars.isUpper(c);
            lower |= Chars.isLower(c);
        }
        return upper && lower && Entropy.bits(s, start, end) >= 4.0 && Chars.indexOf(s, "EXAMPLE", start, end) < 0
                && !Placeholders.looksFake(s, start, end);
    }
}
