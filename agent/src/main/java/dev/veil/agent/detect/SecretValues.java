package dev.veil.agent.detect;

/** Is the value of a credential-named key a real credential, or a filler, a flag, a word? */
final class SecretValues {
    private SecretValues() {
    }

    private static final StandaloneWords NOT_A_PASSWORD = new StandaloneWords("your", "example", "changeme",
            "placeholder", "redacted", "none", "null", "true", "false", "undefined", "required", "optional", "string",
            "hidden", "empty", "password", "env", "secret");

    /** Humans choose passwords: 6+ chars mixing at least two of letters, digits and symbols. */
    static boolean plausiblePassword(String s, int start, int end) {
        int len = end - start;
        if (len < 6 || len > 128 || filler(s, start, end)) {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        boolean symbol = false;
        boolean space = false;
        boolean codePunctuation = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            letter |= Chars.isLetter(c);
            digit |= Chars.isDigit(c);
            symbol |= !Chars.isAlnum(c) && c != ' ';
            space |= c == ' ';
            codePunctuation |= "()[]{};,+".indexOf(c) >= 0;
        }
        if (space && codePunctuation) {
            return false; // code between two string literals: "password: "), repeat("
        }
        return (letter ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0) >= 2;
    }

    /** Machines generate tokens: 12+ chars with letters and digits and a random-looking spread. */
    static boolean plausibleToken(String s, int start, int end) {
        int len = end - start;
        if (len < 12 || filler(s, start, end) || Chars.indexOf(s, " ", start, end) >= 0) {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            letter |= Chars.isLetter(c);
            digit |= Chars.isDigit(c);
        }
        // random base62 of 20+ chars has no digit about once in a hundred: then mixed case throughout will do
        boolean random = letter && digit || len >= 20 && casesMixedThroughout(s, start, end);
        return random && Entropy.bits(s, start, end) >= (len >= 20 ? 3.3 : 3.0)
                && !Placeholders.looksFake(s, start, end) && !looksLikePath(s, start, end);
    }

    /**
     * A path or scope rather than a secret: at least three {@code /}-separated (or {@code %2F}) segments of
     * {@code [A-Za-z0-9._-]}, of which at most one mixes upper case, lower case and digits. File paths,
     * class names in binary form ({@code com/amazonaws/services/s3/AmazonS3Client}) and SigV4 credential
     * scopes ({@code <key id>/20150830/us-east-1/iam/aws4_request}) have readable segments; standard
     * base64 that happens to contain slashes has random ones (or {@code +}/{@code =}).
     */
    static boolean looksLikePath(String s, int start, int end) {
        int segments = 1;
        int randomSegments = 0;
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (int i = start; i <= end; i++) {
            char c = i < end ? s.charAt(i) : '/';
            if (c == '%' && i + 2 < end && s.charAt(i + 1) == '2' && (s.charAt(i + 2) == 'F' || s.charAt(i + 2) == 'f')) {
                c = '/'; // URL-encoded, as in X-Amz-Credential=...%2F...
                i += 2;
            }
            if (c == '/') {
                if (i < end) {
                    segments++;
                }
                randomSegments += upper && lower && digit ? 1 : 0;
                upper = false;
                lower = false;
                digit = false;
            } else if (Chars.isWord(c) || c == '.') {
                upper |= Chars.isUpper(c);
                lower |= Chars.isLower(c);
                digit |= Chars.isDigit(c);
            } else {
                return false;
            }
        }
        return segments >= 3 && randomSegments <= 1;
    }

    /**
     * Random base62/base64 mixes the cases throughout: its lower-case runs average under two letters. An
     * identifier ({@code GitHubActionsWorkflowParser}, {@code AmazonS3ClientBuilder}) has capitals only at
     * word starts, so its lower-case runs are whole words.
     */
    static boolean casesMixedThroughout(String s, int start, int end) {
        int upper = 0;
        int lower = 0;
        int lowerRuns = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (Chars.isUpper(c)) {
                upper++;
            } else if (Chars.isLower(c)) {
                lower++;
                lowerRuns += i == start || !Chars.isLower(s.charAt(i - 1)) ? 1 : 0;
            }
        }
        return upper >= 3 && lower >= 3 && lower < 3.5 * lowerRuns;
    }

    private static boolean filler(String s, int start, int end) {
        if (Placeholders.isTemplate(s, start, end) || Placeholders.hasLongRun(s, start, end)
                || Placeholders.mostlySequential(s, start, end)) {
            return true;
        }
        return NOT_A_PASSWORD.foundIn(s, start, end);
    }
}
