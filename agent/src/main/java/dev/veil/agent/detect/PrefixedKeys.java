package dev.veil.agent.detect;

import static dev.veil.agent.detect.Alphabet.ALNUM;
import static dev.veil.agent.detect.Alphabet.BASE64;
import static dev.veil.agent.detect.Alphabet.HEX;
import static dev.veil.agent.detect.Alphabet.LOWER_HEX;
import static dev.veil.agent.detect.Alphabet.UPPER_ALNUM;
import static dev.veil.agent.detect.Alphabet.WORD;
import static dev.veil.agent.detect.Alphabet.WORD_DOT;
import static dev.veil.agent.detect.KeyFormat.Check.AWS_KEY_ID;
import static dev.veil.agent.detect.KeyFormat.Check.GITHUB_CRC32;
import static dev.veil.agent.detect.KeyFormat.Check.OPENAI_MARKER;
import static dev.veil.agent.detect.KeyFormat.Check.OPENAI_MARKER_REQUIRED;
import static dev.veil.agent.detect.KeyFormat.Check.PREFIX_ONLY;
import static dev.veil.agent.detect.KeyFormat.Check.RANDOM;

import java.util.ArrayList;
import java.util.List;

/**
 * Keys with a published literal prefix. Formats are bucketed by their first character and, inside a
 * bucket, tried most specific first ({@code sk-proj-} before {@code sk-}), so a token costs one
 * array lookup and a few {@code startsWith} calls that fail on the second character.
 */
final class PrefixedKeys {
    private PrefixedKeys() {
    }

    private static final KeyFormat[] FORMATS = {
        // OpenAI: every generation carries the base64 of "OpenAI"
        new KeyFormat("sk-proj-", Detector.OPENAI_API_KEY, WORD, 40, 300, OPENAI_MARKER),
        new KeyFormat("sk-svcacct-", Detector.OPENAI_SERVICE_ACCOUNT_KEY, WORD, 40, 300, OPENAI_MARKER),
        new KeyFormat("sk-admin-", Detector.OPENAI_ADMIN_KEY, WORD, 40, 300, OPENAI_MARKER),
        new KeyFormat("sk-None-", Detector.OPENAI_API_KEY, WORD, 40, 300, OPENAI_MARKER),
        new KeyFormat("sk-ant-api", Detector.ANTHROPIC_API_KEY, WORD, 80, 130, RANDOM),
        new KeyFormat("sk-ant-admin", Detector.ANTHROPIC_ADMIN_KEY, WORD, 80, 130, RANDOM),
        new KeyFormat("sk-or-v1-", Detector.OPENROUTER_API_KEY, LOWER_HEX, 64, 64, RANDOM),
        new KeyFormat("sk-", Detector.OPENAI_API_KEY, ALNUM, 48, 48, OPENAI_MARKER_REQUIRED),
        // sk- + 48 alnum without the marker: still most often an OpenAI user key (or a generated test one)
        new KeyFormat("sk-", Detector.OPENAI_API_KEY, ALNUM, 48, 48, RANDOM),
        new KeyFormat("sk-", Detector.DEEPSEEK_API_KEY, LOWER_HEX, 32, 32, RANDOM, "deepseek"),
        new KeyFormat("sk-", Detector.SK_PREFIXED_KEY, WORD, 32, 200, RANDOM),
        new KeyFormat("hf_", Detector.HUGGINGFACE_TOKEN, ALNUM, 30, 40, RANDOM),
        new KeyFormat("api_org_", Detector.HUGGINGFACE_ORG_TOKEN, ALNUM, 30, 40, RANDOM),
        new KeyFormat("gsk_", Detector.GROQ_API_KEY, ALNUM, 48, 56, RANDOM),
        new KeyFormat("xai-", Detector.XAI_API_KEY, ALNUM, 70, 90, RANDOM),
        new KeyFormat("r8_", Detector.REPLICATE_API_TOKEN, WORD, 37, 37, RANDOM),
        new KeyFormat("lsv2_pt_", Detector.LANGSMITH_API_KEY, WORD, 40, 50, RANDOM),
        new KeyFormat("lsv2_sk_", Detector.LANGSMITH_API_KEY, WORD, 40, 50, RANDOM),
        new KeyFormat("pplx-", Detector.PERPLEXITY_API_KEY, ALNUM, 40, 56, RANDOM),
        new KeyFormat("AIza", Detector.GOOGLE_API_KEY, WORD, 35, 35, RANDOM),
        // Bedrock API keys: base64 of "BedrockAPIKey-" (long-term) or of the signing host (short-term)
        new KeyFormat("ABSKQmVkcm9ja0FQSUtleS", Detector.AWS_BEDROCK_API_KEY, BASE64, 40, 400, PREFIX_ONLY),
        new KeyFormat("bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t", Detector.AWS_BEDROCK_API_KEY, BASE64, 40, 4096,
                PREFIX_ONLY),
        new KeyFormat("tgp_v1_", Detector.TOGETHER_API_KEY, WORD, 40, 50, RANDOM),
        // AWS access key ids: 4-letter type prefix + 16 base32
        // (real ids are base32; upper-case alphanumerics are accepted too, as hand-made samples use them)
        new KeyFormat("AKIA", Detector.AWS_ACCESS_KEY_ID, UPPER_ALNUM, 16, 16, AWS_KEY_ID),
        new KeyFormat("ASIA", Detector.AWS_ACCESS_KEY_ID, UPPER_ALNUM, 16, 16, AWS_KEY_ID),
        new KeyFormat("ABIA", Detector.AWS_ACCESS_KEY_ID, UPPER_ALNUM, 16, 16, AWS_KEY_ID),
        new KeyFormat("ACCA", Detector.AWS_ACCESS_KEY_ID, UPPER_ALNUM, 16, 16, AWS_KEY_ID),
        new KeyFormat("A3T", Detector.AWS_ACCESS_KEY_ID, UPPER_ALNUM, 17, 17, AWS_KEY_ID),
        // GitHub: classic tokens carry a CRC32 checksum
        new KeyFormat("ghp_", Detector.GITHUB_PAT, ALNUM, 36, 36, GITHUB_CRC32),
        new KeyFormat("gho_", Detector.GITHUB_OAUTH_TOKEN, ALNUM, 36, 36, GITHUB_CRC32),
        new KeyFormat("ghu_", Detector.GITHUB_APP_TOKEN, ALNUM, 36, 36, GITHUB_CRC32),
        new KeyFormat("ghs_", Detector.GITHUB_APP_TOKEN, ALNUM, 36, 36, GITHUB_CRC32),
        new KeyFormat("ghr_", Detector.GITHUB_REFRESH_TOKEN, ALNUM, 36, 36, GITHUB_CRC32),
        new KeyFormat("github_pat_", Detector.GITHUB_FINE_GRAINED_PAT, WORD, 82, 82, RANDOM),
        new KeyFormat("glpat-", Detector.GITLAB_PAT, WORD_DOT, 20, 100, RANDOM),
        new KeyFormat("glrt-", Detector.GITLAB_RUNNER_TOKEN, WORD_DOT, 20, 100, RANDOM),
        new KeyFormat("gldt-", Detector.GITLAB_DEPLOY_TOKEN, WORD_DOT, 20, 100, RANDOM),
        new KeyFormat("xoxb-", Detector.SLACK_BOT_TOKEN, WORD, 24, 250, RANDOM),
        new KeyFormat("xoxp-", Detector.SLACK_USER_TOKEN, WORD, 24, 250, RANDOM),
        new KeyFormat("xapp-", Detector.SLACK_APP_TOKEN, WORD, 24, 250, RANDOM),
        new KeyFormat("xoxa-", Detector.SLACK_TOKEN, WORD, 24, 250, RANDOM),
        new KeyFormat("xoxr-", Detector.SLACK_TOKEN, WORD, 24, 250, RANDOM),
        new KeyFormat("xoxs-", Detector.SLACK_TOKEN, WORD, 24, 250, RANDOM),
        new KeyFormat("xoxe-", Detector.SLACK_TOKEN, WORD, 24, 250, RANDOM),
        new KeyFormat("xoxe.xoxp-", Detector.SLACK_TOKEN, WORD, 24, 250, RANDOM),
        new KeyFormat("sk_live_", Detector.STRIPE_SECRET_KEY, ALNUM, 20, 247, RANDOM),
        new KeyFormat("sk_test_", Detector.STRIPE_SECRET_KEY, ALNUM, 20, 247, RANDOM),
        new KeyFormat("rk_live_", Detector.STRIPE_RESTRICTED_KEY, ALNUM, 20, 247, RANDOM),
        new KeyFormat("rk_test_", Detector.STRIPE_RESTRICTED_KEY, ALNUM, 20, 247, RANDOM),
        new KeyFormat("whsec_", Detector.STRIPE_WEBHOOK_SECRET, ALNUM, 32, 64, RANDOM),
        new KeyFormat("npm_", Detector.NPM_ACCESS_TOKEN, ALNUM, 36, 36, GITHUB_CRC32),
        new KeyFormat("pypi-AgEIcHlwaS5vcmc", Detector.PYPI_UPLOAD_TOKEN, WORD, 50, 400, PREFIX_ONLY),
        new KeyFormat("SG.", Detector.SENDGRID_API_KEY, WORD_DOT, 66, 66, RANDOM),
        new KeyFormat("shpat_", Detector.SHOPIFY_ACCESS_TOKEN, HEX, 32, 32, RANDOM),
        new KeyFormat("shpca_", Detector.SHOPIFY_ACCESS_TOKEN, HEX, 32, 32, RANDOM),
        new KeyFormat("shppa_", Detector.SHOPIFY_ACCESS_TOKEN, HEX, 32, 32, RANDOM),
        new KeyFormat("shpss_", Detector.SHOPIFY_ACCESS_TOKEN, HEX, 32, 32, RANDOM),
        new KeyFormat("dop_v1_", Detector.DIGITALOCEAN_TOKEN, LOWER_HEX, 64, 64, RANDOM),
        new KeyFormat("doo_v1_", Detector.DIGITALOCEAN_TOKEN, LOWER_HEX, 64, 64, RANDOM),
        new KeyFormat("dor_v1_", Detector.DIGITALOCEAN_TOKEN, LOWER_HEX, 64, 64, RANDOM),
        new KeyFormat("dapi", Detector.DATABRICKS_TOKEN, LOWER_HEX, 32, 32, RANDOM),
    };

    private static final KeyFormat[][] BY_FIRST_CHAR = new KeyFormat[128][];
    /** Per first character, the shortest token any format there can start. */
    private static final int[] MIN_TOKEN = new int[128];
    /** Per first character, a 128-bit set of the second characters its prefixes have. */
    private static final long[][] SECOND_CHARS = new long[128][2];

    static {
        for (char c = 0; c < 128; c++) {
            List<KeyFormat> bucket = new ArrayList<KeyFormat>();
            int min = Integer.MAX_VALUE;
            for (KeyFormat f : FORMATS) {
                if (f.prefix.charAt(0) == c) {
                    bucket.add(f);
                    min = Math.min(min, f.minTokenLength());
                    char c1 = f.prefix.charAt(1);
                    SECOND_CHARS[c][c1 >> 6] |= 1L << (c1 & 63);
                }
            }
            if (!bucket.isEmpty()) {
                BY_FIRST_CHAR[c] = bucket.toArray(new KeyFormat[0]);
                MIN_TOKEN[c] = min;
            }
        }
    }

    /** The shortest token a format starting with the ASCII char {@code c0} can start; MAX_VALUE for none. */
    static int minTokenLength(char c0) {
        return BY_FIRST_CHAR[c0] == null ? Integer.MAX_VALUE : MIN_TOKEN[c0];
    }

    /** Whether a format may start with the token [start, start + len): its first two chars and length allow it. */
    static boolean mayStart(String s, int start, int len) {
        char c0 = s.charAt(start);
        if (c0 >= 128 || BY_FIRST_CHAR[c0] == null || len < MIN_TOKEN[c0]) {
            return false;
        }
        char c1 = len > 1 ? s.charAt(start + 1) : 0;
        return c1 < 128 && (SECOND_CHARS[c0][c1 >> 6] & 1L << (c1 & 63)) != 0;
    }

    /** The key starting at {@code start} (a token start; the word token runs to {@code tokenEnd}), or null. */
    static Finding at(String s, int start, int tokenEnd) {
        char c = s.charAt(start);
        if (c >= 128) {
            return null;
        }
        if (!mayStart(s, start, tokenEnd - start)) {
            return null;
        }
        KeyFormat[] bucket = BY_FIRST_CHAR[c];
        for (KeyFormat f : bucket) {
            int end = f.match(s, start);
            if (end > 0) {
                return Finding.of(start, end, f.detector);
            }
        }
        return null;
    }
}
