package dev.veil.it;

import java.util.Random;

/**
 * Key-shaped and PII-shaped values generated at test time from a seed: nothing realistic is committed,
 * and every run uses values that exist nowhere else (so grepping output for them is meaningful).
 */
public final class TestSecrets {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Random random;

    public TestSecrets(long seed) {
        this.random = new Random(seed);
    }

    /** An OpenAI project-key shape: {@code sk-proj-} + 74 + the base64 "OpenAI" marker + 74. */
    public String openAiKey() {
        return "sk-" + "proj-" + chars(74) + "T3Blbk" + "FJ" + chars(74);
    }

    /** 32 lower-case hex digits, the shape of an Azure OpenAI key. */
    public String hex32() {
        StringBuilder sb = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            sb.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return sb.toString();
    }

    public String email() {
        return "user." + chars(8).toLowerCase() + "@example.com";
    }

    public String chars(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }
}
