package dev.veil.agent.detect;

import java.util.Locale;

/**
 * The built-in detectors. Ids are stable: they appear in configuration, placeholders, audit records
 * and metrics. Specificity breaks ties between overlapping findings of equal length: 3 = distinctive
 * prefix or checksum, 2 = validated structure, 1 = context word plus entropy, 0 = a value named only by
 * its key or header (a generic assignment, a bearer token) that a typed detector should claim.
 */
public enum Detector {
    // LLM providers
    OPENAI_API_KEY(Category.SECRET, 3),
    OPENAI_SERVICE_ACCOUNT_KEY(Category.SECRET, 3),
    OPENAI_ADMIN_KEY(Category.SECRET, 3),
    ANTHROPIC_API_KEY(Category.SECRET, 3),
    ANTHROPIC_ADMIN_KEY(Category.SECRET, 3),
    HUGGINGFACE_TOKEN(Category.SECRET, 3),
    HUGGINGFACE_ORG_TOKEN(Category.SECRET, 3),
    GROQ_API_KEY(Category.SECRET, 3),
    XAI_API_KEY(Category.SECRET, 3),
    REPLICATE_API_TOKEN(Category.SECRET, 3),
    OPENROUTER_API_KEY(Category.SECRET, 3),
    LANGSMITH_API_KEY(Category.SECRET, 3),
    PERPLEXITY_API_KEY(Category.SECRET, 3),
    GOOGLE_API_KEY(Category.SECRET, 3),
    AWS_BEDROCK_API_KEY(Category.SECRET, 3),
    TOGETHER_API_KEY(Category.SECRET, 3),
    COHERE_API_KEY(Category.SECRET, 1),
    MISTRAL_API_KEY(Category.SECRET, 1),
    DEEPSEEK_API_KEY(Category.SECRET, 2),
    AZURE_OPENAI_API_KEY(Category.SECRET, 1),
    SK_PREFIXED_KEY(Category.SECRET, 2),
    // Cloud and developer platforms
    AWS_ACCESS_KEY_ID(Category.SECRET, 3),
    AWS_SECRET_ACCESS_KEY(Category.SECRET, 1),
    GITHUB_PAT(Category.SECRET, 3),
    GITHUB_OAUTH_TOKEN(Category.SECRET, 3),
    GITHUB_APP_TOKEN(Category.SECRET, 3),
    GITHUB_REFRESH_TOKEN(Category.SECRET, 3),
    GITHUB_FINE_GRAINED_PAT(Category.SECRET, 3),
    GITLAB_PAT(Category.SECRET, 3),
    GITLAB_RUNNER_TOKEN(Category.SECRET, 3),
    GITLAB_DEPLOY_TOKEN(Category.SECRET, 3),
    SLACK_BOT_TOKEN(Category.SECRET, 3),
    SLACK_USER_TOKEN(Category.SECRET, 3),
    SLACK_APP_TOKEN(Category.SECRET, 3),
    SLACK_TOKEN(Category.SECRET, 3),
    SLACK_WEBHOOK_URL(Category.SECRET, 3),
    DISCORD_WEBHOOK_URL(Category.SECRET, 3),
    STRIPE_SECRET_KEY(Category.SECRET, 3),
    STRIPE_RESTRICTED_KEY(Category.SECRET, 3),
    STRIPE_WEBHOOK_SECRET(Category.SECRET, 3),
    NPM_ACCESS_TOKEN(Category.SECRET, 3),
    PYPI_UPLOAD_TOKEN(Category.SECRET, 3),
    AZURE_AD_CLIENT_SECRET(Category.SECRET, 2),
    AZURE_STORAGE_ACCOUNT_KEY(Category.SECRET, 2),
    SENDGRID_API_KEY(Category.SECRET, 3),
    SHOPIFY_ACCESS_TOKEN(Category.SECRET, 3),
    DIGITALOCEAN_TOKEN(Category.SECRET, 3),
    DATABRICKS_TOKEN(Category.SECRET, 3),
    // Structural secrets
    PRIVATE_KEY(Category.SECRET, 2),
    JWT(Category.SECRET, 2),
    URL_CREDENTIALS(Category.SECRET, 2),
    AUTHORIZATION_BEARER(Category.SECRET, 0),
    AUTHORIZATION_BASIC(Category.SECRET, 2),
    GENERIC_SECRET(Category.SECRET, 0),
    // Personal data
    EMAIL_ADDRESS(Category.PII, 2),
    PHONE_NUMBER(Category.PII, 1),
    CREDIT_CARD_NUMBER(Category.PII, 2),
    IBAN(Category.PII, 2),
    US_SSN(Category.PII, 2),
    IPV4_ADDRESS(Category.PII, 2),
    IPV6_ADDRESS(Category.PII, 2),
    MAC_ADDRESS(Category.PII, 2),
    BITCOIN_ADDRESS(Category.PII, 2),
    ETHEREUM_ADDRESS(Category.PII, 2);

    private final Category category;
    private final int specificity;
    private final String id;

    Detector(Category category, int specificity) {
        this.category = category;
        this.specificity = specificity;
        this.id = name().toLowerCase(Locale.ROOT);
    }

    /** The stable, lower-case id, e.g. {@code openai_api_key}. */
    public String id() {
        return id;
    }

    public Category category() {
        return category;
    }

    int specificity() {
        return specificity;
    }

    /** The detector with this id, or null. */
    public static Detector byId(String id) {
        for (Detector d : values()) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        return null;
    }
}
