package dev.veil.agent.detect;

/**
 * Keys with no prefix of their own: Cohere (40 alnum), Mistral (32 alnum), Azure OpenAI (32 hex), AWS
 * secret keys (40 base64) and Azure storage account keys (88 base64). Their shapes are shared with
 * hashes and ids, so each needs its provider's name nearby and a random-looking body.
 */
final class ContextKeys {
    private ContextKeys() {
    }

    private static final Context COHERE = Context.of("cohere");
    private static final Context MISTRAL = Context.of("mistral");
    private static final Context AZURE = Context.of("azure", "cognitiveservices");
    private static final Context AZURE_STORAGE = Context.of("accountkey", "storage", "azure", "blob.core");

    /** The key starting at the word token [start, end), or null. */
    static Finding at(String s, int start, int end) {
        int len = end - start;
        char next = end < s.length() ? s.charAt(end) : ' ';
        if (next == '+' || next == '/' || next == '=') {
            return base64Run(s, start);
        }
        // context words first: they are absent around nearly every token, and cheaper than entropy
        if (len == 40 && Chars.allAlnum(s, start, end)) {
            if (AwsSecrets.CONTEXT.near(s, start, end) && AwsSecrets.plausibleNearContext(s, start, end)) {
                return Finding.of(start, end, Detector.AWS_SECRET_ACCESS_KEY);
            }
            if (COHERE.near(s, start, end) && random(s, start, end)) {
                return Finding.of(start, end, Detector.COHERE_API_KEY);
            }
        } else if (len == 32 && Chars.allAlnum(s, start, end)) {
            if (Chars.allHex(s, start, end)) {
                if (AZURE.near(s, start, end) && Entropy.bits(s, start, end) >= 3.0 && !Placeholders.looksFake(s, start, end)) {
                    return Finding.of(start, end, Detector.AZURE_OPENAI_API_KEY);
                }
            } else if (MISTRAL.near(s, start, end) && random(s, start, end)) {
                return Finding.of(start, end, Detector.MISTRAL_API_KEY);
            }
        }
        return null;
    }

    /** A base64 run with {@code + / =} starting at {@code start}: AWS secret (40) or Azure storage key (88). */
    private static Finding base64Run(String s, int start) {
        if (start > 0 && Chars.isBase64(s.charAt(start - 1))) {
            return null; // inside a longer run (a path, a blob)
        }
        int end = Alphabet.BASE64.runEnd(s, start, 90);
        if (end < s.length() && Chars.isWord(s.charAt(end))) {
            return null;
        }
        int len = end - start;
        if (len == 40 && AwsSecrets.CONTEXT.near(s, start, end) && AwsSecrets.plausibleNearContext(s, start, end)) {
            return Finding.of(start, end, Detector.AWS_SECRET_ACCESS_KEY);
        }
        if (len == 88 && s.charAt(end - 1) == '=' && Base64Values.isPaddedBase64(s, start, end)
                && AZURE_STORAGE.near(s, start, end) && Entropy.bits(s, start, end) > 4.5) {
            return Finding.of(start, end, Detector.AZURE_STORAGE_ACCOUNT_KEY);
        }
        return null;
    }

    private static boolean random(String s, int start, int end) {
        return SecretValues.casesMixedThroughout(s, start, end) && Entropy.bits(s, start, end) >= 4.0
                && !Placeholders.looksFake(s, start, end);
    }
}
