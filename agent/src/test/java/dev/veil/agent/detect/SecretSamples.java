package dev.veil.agent.detect;

import static dev.veil.agent.detect.KeyGen.join;

/** Samples for the secret detectors; key-shaped values are assembled at test time from pieces. */
final class SecretSamples {
    private final Samples s;
    private final KeyGen g;

    SecretSamples(Samples s) {
        this.s = s;
        this.g = s.g;
    }

    void addAll() {
        openAi();
        otherLlmProviders();
        prefixLessLlmKeys();
        cloudAndDevPlatforms();
        structural();
        assignments();
    }

    private String openAiBody(int half) {
        return join(g.word(half), "T3Blbk", "FJ", g.word(half));
    }

    private void openAi() {
        s.tp(Detector.OPENAI_API_KEY, "export OPENAI_API_KEY=%s", join("sk-", "proj-", openAiBody(74)));
        s.tp(Detector.OPENAI_API_KEY, "client = OpenAI(api_key=\"%s\")", join("sk-", "proj-", openAiBody(60)));
        s.tp(Detector.OPENAI_API_KEY, "my old key was %s, does it still work?", join("sk-", g.alnum(20), "T3Blbk", "FJ", g.alnum(20)));
        s.tp(Detector.OPENAI_API_KEY, "openai.api_key = '%s'", join("sk-", g.alnum(48)));
        s.tp(Detector.OPENAI_SERVICE_ACCOUNT_KEY, "{\"key\": \"%s\"}", join("sk-", "svcacct-", openAiBody(70)));
        s.tp(Detector.OPENAI_ADMIN_KEY, "Authorization: Bearer %s", join("sk-", "admin-", openAiBody(60)));
        s.fp(Detector.OPENAI_API_KEY, "Set OPENAI_API_KEY=sk-... in your shell, then run the script.");
        s.fp(Detector.OPENAI_API_KEY, "api_key = \"sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"");
        s.fp(Detector.OPENAI_API_KEY, "The key looks like sk-proj-your-api-key-goes-here-replace-me-before-running-it-ok");
        s.fp(Detector.OPENAI_API_KEY, "a task-sk-proj-planning meeting about the sk- prefix and <YOUR_API_KEY>");
        s.fp(Detector.OPENAI_SERVICE_ACCOUNT_KEY, "keys start with sk-svcacct- followed by random characters");
        s.fp(Detector.OPENAI_ADMIN_KEY, "admin keys (sk-admin-...) manage the organisation");
    }

    private void otherLlmProviders() {
        s.tp(Detector.ANTHROPIC_API_KEY, "ANTHROPIC_API_KEY=%s", join("sk-", "ant-", "api03-", g.word(93), "AA"));
        s.tp(Detector.ANTHROPIC_API_KEY, "x-api-key: %s", join("sk-", "ant-", "api03-", g.word(93), "AA"));
        s.tp(Detector.ANTHROPIC_ADMIN_KEY, "admin key %s for the org", join("sk-", "ant-", "admin01-", g.word(93), "AA"));
        s.fp(Detector.ANTHROPIC_API_KEY, "Anthropic keys look like sk-ant-api03-... (keep them secret)");
        s.fp(Detector.ANTHROPIC_ADMIN_KEY, "sk-ant-admin01-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX");
        s.tp(Detector.HUGGINGFACE_TOKEN, "huggingface-cli login --token %s", join("hf", "_", g.alnum(34)));
        s.tp(Detector.HUGGINGFACE_ORG_TOKEN, "HF org token: %s", join("api", "_org_", g.alnum(34)));
        s.fp(Detector.HUGGINGFACE_TOKEN, "the hf_hub_download function and hf_transfer are faster");
        s.fp(Detector.HUGGINGFACE_ORG_TOKEN, "call api_org_members() on the api_org_settings page");
        s.tp(Detector.GROQ_API_KEY, "GROQ_API_KEY=\"%s\"", join("gsk", "_", g.alnum(52)));
        s.fp(Detector.GROQ_API_KEY, "gsk_your_groq_key_here is a placeholder");
        s.tp(Detector.XAI_API_KEY, "XAI key %s", join("xai", "-", g.alnum(80)));
        s.fp(Detector.XAI_API_KEY, "the xai-sdk and xai-grok-client packages");
        s.tp(Detector.REPLICATE_API_TOKEN, "REPLICATE_API_TOKEN=%s", join("r8", "_", g.alnum(37)));
        s.fp(Detector.REPLICATE_API_TOKEN, "replicate r8_... tokens and r8_model_version ids");
        s.tp(Detector.OPENROUTER_API_KEY, "openrouter: %s", join("sk-", "or-v1-", g.hex(64)));
        s.fp(Detector.OPENROUTER_API_KEY, "prefix sk-or-v1- then 64 hex chars, e.g. sk-or-v1-0000000000000000000000000000000000000000000000000000000000000000");
        s.tp(Detector.LANGSMITH_API_KEY, "LANGCHAIN_API_KEY=%s", join("lsv2", "_pt_", g.hex(32), "_", g.hex(10)));
        s.tp(Detector.LANGSMITH_API_KEY, "langsmith service key %s", join("lsv2", "_sk_", g.hex(32), "_", g.hex(10)));
        s.fp(Detector.LANGSMITH_API_KEY, "LangSmith keys begin with lsv2_pt_ or lsv2_sk_.");
        s.tp(Detector.PERPLEXITY_API_KEY, "curl -H 'Authorization: Bearer %s' https://api.perplexity.ai", join("pplx", "-", g.alnum(48)));
        s.fp(Detector.PERPLEXITY_API_KEY, "pplx-api and pplx-70b-online are model names");
        s.tp(Detector.GOOGLE_API_KEY, "https://generativelanguage.googleapis.com/v1/models?key=%s", join("AI", "za", g.word(35)));
        s.tp(Detector.GOOGLE_API_KEY, "GEMINI_API_KEY: %s", join("AI", "za", g.word(35)));
        s.fp(Detector.GOOGLE_API_KEY, "AIzaSy... is how Google API keys begin");
        s.tp(Detector.AWS_BEDROCK_API_KEY, "AWS_BEARER_TOKEN_BEDROCK=%s",
                join("AB", "SK", "QmVkcm9ja0FQSUtleS", g.chars(KeyGen.BASE64, 110), "="));
        s.tp(Detector.AWS_BEDROCK_API_KEY, "short-term key %s", join("bedrock-", "api-key-", "YmVkcm9jay5hbWF6b25hd3MuY29t",
                g.chars(KeyGen.BASE64, 300)));
        s.fp(Detector.AWS_BEDROCK_API_KEY, "Bedrock API keys start with ABSK and are base64");
        s.tp(Detector.TOGETHER_API_KEY, "TOGETHER_API_KEY=%s", join("tgp", "_v1_", g.word(43)));
        s.fp(Detector.TOGETHER_API_KEY, "tgp_v1_ is the Together prefix");
    }

    private void prefixLessLlmKeys() {
        s.tp(Detector.COHERE_API_KEY, "co = cohere.ClientV2(\"%s\")", g.alnum(40));
        s.tp(Detector.COHERE_API_KEY, "Cohere production key: %s", g.alnum(40));
        s.fp(Detector.COHERE_API_KEY, "cohere rerank on commit " + g.hex(40));
        s.fp(Detector.COHERE_API_KEY, "cohere: the GitHubActionsWorkflowConfigurationParser class");
        s.tp(Detector.MISTRAL_API_KEY, "client = Mistral(api_key=\"%s\")", g.alnum(32));
        s.tp(Detector.MISTRAL_API_KEY, "MISTRAL_API_KEY=%s", g.alnum(32));
        s.fp(Detector.MISTRAL_API_KEY, "mistral-large-latest served from region " + g.hex(32));
        s.tp(Detector.DEEPSEEK_API_KEY, "DEEPSEEK_API_KEY=%s", join("sk-", g.hex(32)));
        s.tp(Detector.DEEPSEEK_API_KEY, "deepseek client with key %s", join("sk-", g.hex(32)));
        s.fp(Detector.DEEPSEEK_API_KEY, "deepseek-chat costs less; sk-00000000000000000000000000000000 is a dummy");
        s.tp(Detector.AZURE_OPENAI_API_KEY, "AZURE_OPENAI_API_KEY=%s", g.hex(32));
        s.tp(Detector.AZURE_OPENAI_API_KEY, "endpoint https://contoso.openai.azure.com api-key: %s", g.hex(32));
        s.fp(Detector.AZURE_OPENAI_API_KEY, "md5 of the upload " + g.hex(32) + " matched");
        s.tp(Detector.SK_PREFIXED_KEY, "DASHSCOPE_API_KEY=%s", join("sk-", g.alnum(40)));
        s.tp(Detector.SK_PREFIXED_KEY, "provider key %s", join("sk-", g.word(64)));
        s.fp(Detector.SK_PREFIXED_KEY, "sk-learn and sk-image are python packages; sk-abcdefghijklmnopqrstuvwxyz0123456789");
    }

    private void cloudAndDevPlatforms() {
        s.tp(Detector.AWS_ACCESS_KEY_ID, "aws_access_key_id = %s", join("AK", "IA", g.chars(KeyGen.BASE32, 16)));
        s.tp(Detector.AWS_ACCESS_KEY_ID, "temporary creds %s", join("AS", "IA", g.chars(KeyGen.BASE32, 16)));
        s.tp(Detector.AWS_ACCESS_KEY_ID, "key id: %s", join("AK", "IA", g.chars(KeyGen.UPPER + KeyGen.DIGITS, 16)));
        s.fp(Detector.AWS_ACCESS_KEY_ID, "aws_access_key_id = " + join("AK", "IAIOSFODNN7", "EXAMPLE"));
        s.fp(Detector.AWS_ACCESS_KEY_ID, "AKIA keys are long-term, ASIA keys temporary: AKIAXXXXXXXXXXXXXXXX");
        String awsSecret = g.chars(KeyGen.ALNUM + "/+", 19) + "/" + g.chars(KeyGen.ALNUM, 20);
        s.tp(Detector.AWS_SECRET_ACCESS_KEY, "aws_secret_access_key = %s", awsSecret);
        s.tp(Detector.AWS_SECRET_ACCESS_KEY, "my AWS secret is %s", g.chars(KeyGen.ALNUM, 12) + "+" + g.chars(KeyGen.ALNUM, 27));
        s.fp(Detector.AWS_SECRET_ACCESS_KEY, "aws codecommit commit " + g.hex(40));
        s.fp(Detector.AWS_SECRET_ACCESS_KEY, "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY");
        s.tp(Detector.AWS_SECRET_ACCESS_KEY, "amazon credentials: %s (rotate them)", g.chars(KeyGen.ALNUM, 20) + "/"
                + g.chars(KeyGen.ALNUM, 9) + "7" + g.chars(KeyGen.ALNUM, 9));
        // field report: strings of a compiled class near "amazon" (binary class names, identifiers, paths)
        s.fp(Detector.AWS_SECRET_ACCESS_KEY, "\u0000\u0028" + forty("com/amazonaws/services/s3/AmazonS3Client")
                + "\u0001\u0000\u0012Lsoftware/amazon/awssdk/core/SdkBytes;\u0007\u0000" + forty("AmazonWebServiceRequest4HandlerChainImpl"));
        s.fp(Detector.AWS_SECRET_ACCESS_KEY, "amazon bucket path " + forty("data/2024/11/amazonReviews/part00042Json"));
        s.fp(Detector.AWS_SECRET_ACCESS_KEY, "AWS SDK class " + forty("AmazonDynamoDBStreamsAsyncClientBuilder2") + " loaded");
        s.tp(Detector.GITHUB_PAT, "git clone https://%s@github.com/org/repo.git", join("gh", "p_", g.checksummedBody()));
        s.tp(Detector.GITHUB_PAT, "GITHUB_TOKEN=%s", join("gh", "p_", g.checksummedBody()));
        s.tp(Detector.GITHUB_OAUTH_TOKEN, "oauth token %s", join("gh", "o_", g.checksummedBody()));
        s.tp(Detector.GITHUB_APP_TOKEN, "installation token %s", join("gh", "s_", g.checksummedBody()));
        s.tp(Detector.GITHUB_APP_TOKEN, "user-to-server %s", join("gh", "u_", g.checksummedBody()));
        s.tp(Detector.GITHUB_REFRESH_TOKEN, "refresh with %s", join("gh", "r_", g.checksummedBody()));
        s.fp(Detector.GITHUB_PAT, "a checksum-less lookalike " + join("gh", "p_", g.alnum(36)));
        s.fp(Detector.GITHUB_OAUTH_TOKEN, "gho_ tokens come from the OAuth flow: " + join("gh", "o_", g.alnum(36)));
        s.fp(Detector.GITHUB_APP_TOKEN, "ghs_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX");
        s.fp(Detector.GITHUB_REFRESH_TOKEN, "ghr_ prefix means refresh token");
        s.tp(Detector.GITHUB_FINE_GRAINED_PAT, "token: %s", join("github", "_pat_", g.alnum(22), "_", g.alnum(59)));
        s.fp(Detector.GITHUB_FINE_GRAINED_PAT, "fine-grained tokens look like github_pat_11ABC...");
        s.tp(Detector.GITLAB_PAT, "PRIVATE-TOKEN: %s", join("gl", "pat-", g.word(20)));
        s.tp(Detector.GITLAB_RUNNER_TOKEN, "gitlab-runner register --token %s", join("gl", "rt-", g.word(20)));
        s.tp(Detector.GITLAB_DEPLOY_TOKEN, "deploy token %s", join("gl", "dt-", g.word(20)));
        s.fp(Detector.GITLAB_PAT, "glpat-xxxxxxxxxxxxxxxxxxxx");
        s.fp(Detector.GITLAB_RUNNER_TOKEN, "glrt- tokens replace registration tokens");
        s.fp(Detector.GITLAB_DEPLOY_TOKEN, "gldt-your-deploy-token-here");
        String slackTail = g.chars(KeyGen.DIGITS, 12) + "-" + g.chars(KeyGen.DIGITS, 13) + "-" + g.alnum(24);
        s.tp(Detector.SLACK_BOT_TOKEN, "SLACK_BOT_TOKEN=%s", join("xo", "xb-", slackTail));
        s.tp(Detector.SLACK_USER_TOKEN, "user token %s", join("xo", "xp-", g.chars(KeyGen.DIGITS, 12), "-",
                g.chars(KeyGen.DIGITS, 12), "-", g.chars(KeyGen.DIGITS, 13), "-", g.hex(32)));
        s.tp(Detector.SLACK_APP_TOKEN, "socket mode %s", join("xa", "pp-1-", "A0", g.chars(KeyGen.UPPER + KeyGen.DIGITS, 9), "-",
                g.chars(KeyGen.DIGITS, 13), "-", g.hex(64)));
        s.tp(Detector.SLACK_TOKEN, "legacy %s", join("xo", "xs-", slackTail));
        s.fp(Detector.SLACK_BOT_TOKEN, "Slack bot tokens start with xoxb- (see docs)");
        s.fp(Detector.SLACK_USER_TOKEN, "xoxp-xxxxxxxxxxxx-xxxxxxxxxxxx");
        s.fp(Detector.SLACK_APP_TOKEN, "xapp- tokens are app-level");
        s.fp(Detector.SLACK_TOKEN, "xoxs-123456789012-123456789012-123456789012");
        s.tp(Detector.SLACK_WEBHOOK_URL, "post to %s with curl", join("https://", "hooks.slack.com/services/T",
                g.chars(KeyGen.UPPER + KeyGen.DIGITS, 8), "/B", g.chars(KeyGen.UPPER + KeyGen.DIGITS, 10), "/", g.alnum(24)));
        s.fp(Detector.SLACK_WEBHOOK_URL, "see https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX");
        s.tp(Detector.DISCORD_WEBHOOK_URL, "webhook: %s", join("https://", "discord.com/api/webhooks/",
                g.chars(KeyGen.DIGITS, 18), "/", g.word(68)));
        s.fp(Detector.DISCORD_WEBHOOK_URL, "docs at https://discord.com/api/webhooks/{webhook.id}/{webhook.token}");
        s.tp(Detector.STRIPE_SECRET_KEY, "stripe.api_key = '%s'", join("sk", "_live_", g.alnum(24)));
        s.tp(Detector.STRIPE_SECRET_KEY, "test mode key %s", join("sk", "_test_", g.alnum(99)));
        s.tp(Detector.STRIPE_RESTRICTED_KEY, "restricted: %s", join("rk", "_live_", g.alnum(24)));
        s.tp(Detector.STRIPE_WEBHOOK_SECRET, "STRIPE_WEBHOOK_SECRET=%s", join("wh", "sec_", g.alnum(32)));
        s.fp(Detector.STRIPE_SECRET_KEY, "publishable keys (pk_live_" + g.alnum(24) + ") are public; sk_live_... is not");
        s.fp(Detector.STRIPE_RESTRICTED_KEY, "rk_live_xxxxxxxxxxxxxxxxxxxxxxxx");
        s.fp(Detector.STRIPE_WEBHOOK_SECRET, "whsec_... comes from the dashboard");
        s.tp(Detector.NPM_ACCESS_TOKEN, "//registry.npmjs.org/:_authToken=%s", join("np", "m_", g.checksummedBody()));
        s.fp(Detector.NPM_ACCESS_TOKEN, "npm_config_registry and npm_lifecycle_event are env vars; npm_" + g.alnum(36));
        s.tp(Detector.PYPI_UPLOAD_TOKEN, "password = %s", join("pypi-", "AgEIcHlwaS5vcmc", g.word(70)));
        s.fp(Detector.PYPI_UPLOAD_TOKEN, "PyPI tokens start with pypi-AgEIcHlwaS5vcmc");
        s.tp(Detector.AZURE_AD_CLIENT_SECRET, "AZURE_CLIENT_SECRET=%s", join(g.alnum(3), "8", "Q~", g.chars(KeyGen.WORD + "~.", 34)));
        s.fp(Detector.AZURE_AD_CLIENT_SECRET, "abc8Q~ is how a client secret begins, see abc8Q~short");
        s.tp(Detector.AZURE_STORAGE_ACCOUNT_KEY, "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=%s;EndpointSuffix=core.windows.net",
                g.chars(KeyGen.BASE64, 86) + "==");
        s.tp(Detector.AZURE_STORAGE_ACCOUNT_KEY, "azure storage key %s", g.chars(KeyGen.ALNUM, 30) + "/" + g.chars(KeyGen.BASE64, 55) + "==");
        s.fp(Detector.AZURE_STORAGE_ACCOUNT_KEY, "AccountKey=<storage-account-key>;EndpointSuffix=core.windows.net");
        s.tp(Detector.SENDGRID_API_KEY, "SENDGRID_API_KEY=%s", join("SG", ".", g.word(22), ".", g.word(43)));
        s.fp(Detector.SENDGRID_API_KEY, "SG.xxxxx.yyyyy is the format");
        s.tp(Detector.SHOPIFY_ACCESS_TOKEN, "X-Shopify-Access-Token: %s", join("sh", "pat_", g.hex(32)));
        s.fp(Detector.SHOPIFY_ACCESS_TOKEN, "shpat_ tokens are admin API tokens");
        s.tp(Detector.DIGITALOCEAN_TOKEN, "doctl auth init -t %s", join("do", "p_v1_", g.hex(64)));
        s.fp(Detector.DIGITALOCEAN_TOKEN, "dop_v1_ prefix");
        s.tp(Detector.DATABRICKS_TOKEN, "DATABRICKS_TOKEN=%s", join("da", "pi", g.hex(32)));
        s.fp(Detector.DATABRICKS_TOKEN, "the dapi endpoint and dapi-docs");
    }

    private void structural() {
        String begin = join("-----BEGIN ", "RSA PRIVATE", " KEY-----");
        String end = join("-----END ", "RSA PRIVATE", " KEY-----");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            body.append(g.chars(KeyGen.BASE64, 64)).append('\n');
        }
        s.tp(Detector.PRIVATE_KEY, "here is the key:\n%s\nthanks", begin + "\n" + body + end);
        String openssh = join("-----BEGIN ", "OPENSSH PRIVATE", " KEY-----");
        s.tp(Detector.PRIVATE_KEY, "{\"key\": \"%s\"}", openssh + "\\n" + g.chars(KeyGen.BASE64, 70) + "\\n" + g.chars(KeyGen.BASE64, 70) + "\\n"
                + join("-----END ", "OPENSSH PRIVATE", " KEY-----"));
        String truncated = join("-----BEGIN ", "EC PRIVATE", " KEY-----") + "\n" + g.chars(KeyGen.BASE64, 64) + "\n" + g.chars(KeyGen.BASE64, 30);
        s.tp(Detector.PRIVATE_KEY, "pasted (cut off): %s", truncated);
        s.fp(Detector.PRIVATE_KEY, join("-----BEGIN ", "PRIVATE", " KEY-----") + "\n...\n" + join("-----END ", "PRIVATE", " KEY-----"));
        s.fp(Detector.PRIVATE_KEY, join("-----BEGIN ", "PUBLIC", " KEY-----") + "\n" + g.chars(KeyGen.BASE64, 64) + "\n" + join("-----END ", "PUBLIC", " KEY-----"));
        s.fp(Detector.PRIVATE_KEY, "-----BEGIN CERTIFICATE-----\n" + g.chars(KeyGen.BASE64, 64) + "\n-----END CERTIFICATE-----");

        String header = Encoders.base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = Encoders.base64Url("{\"sub\":\"user-" + g.alnum(8) + "\",\"iat\":17" + g.chars(KeyGen.DIGITS, 8) + "}");
        s.tp(Detector.JWT, "session cookie: %s", header + "." + payload + "." + g.word(43));
        s.tp(Detector.JWT, "{\"id_token\": \"%s\"}", Encoders.base64Url("{\"typ\":\"JWT\",\"alg\":\"RS256\",\"kid\":\"" + g.alnum(6) + "\"}")
                + "." + payload + "." + g.word(342));
        String sampleToken = Encoders.base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "."
                + Encoders.base64Url("{\"sub\":\"1234567890\",\"name\":\"John Doe\",\"iat\":1516239022}") + "." + g.word(43);
        s.fp(Detector.JWT, "the jwt.io example " + sampleToken + " decodes to John Doe");
        s.fp(Detector.JWT, "not a JWT: " + Encoders.base64Url("{\"typ\":\"JWT\"}") + "." + payload + "." + g.word(43));
        s.fp(Detector.JWT, "eyJhbGciOiJIUzI1NiJ9 alone is only a header");

        s.tp(Detector.URL_CREDENTIALS, "DATABASE_URL=postgres://app:%s@db.internal:5432/orders", g.alnum(16));
        s.tp(Detector.URL_CREDENTIALS, "redis://:%s@cache:6379/0", g.alnum(20));
        s.tp(Detector.URL_CREDENTIALS, "see https://deploy:%s@ci.example.com/status", "Tr0ub4dor&3");
        s.fp(Detector.URL_CREDENTIALS, "postgres://app:${DB_PASSWORD}@db:5432/orders and https://deploy@ci.corp.local/path");
        s.fp(Detector.URL_CREDENTIALS, "http://user:password@localhost:8080 is the docs example; git@github.com:org/repo.git");

        s.tp(Detector.AUTHORIZATION_BEARER, "curl -H \"Authorization: Bearer %s\" https://api.internal", g.word(40));
        s.tp(Detector.AUTHORIZATION_BEARER, "headers = {'Authorization': 'Bearer %s'}", g.alnum(24) + "." + g.alnum(16));
        s.fp(Detector.AUTHORIZATION_BEARER, "Send a Bearer token in the header: Authorization: Bearer <token>");
        s.fp(Detector.AUTHORIZATION_BEARER, "Authorization: Bearer ${ACCESS_TOKEN}");
        s.tp(Detector.AUTHORIZATION_BASIC, "Authorization: Basic %s", Encoders.base64("svc-user:" + g.alnum(14)));
        s.fp(Detector.AUTHORIZATION_BASIC, "Basic auth is weak; a basic understanding of HTTP helps. Basic dGVzdA==");
    }

    private void assignments() {
        s.tp(Detector.GENERIC_SECRET, "DB_PASSWORD=%s", "Summer" + g.chars(KeyGen.DIGITS, 4) + "!");
        s.tp(Detector.GENERIC_SECRET, "{\"client_secret\": \"%s\"}", g.word(32));
        s.tp(Detector.GENERIC_SECRET, "Server=db;User Id=sa;Password=%s;", "p@ss" + g.alnum(6));
        s.tp(Detector.GENERIC_SECRET, "./deploy --token=%s --verbose", g.hex(40));
        s.tp(Detector.GENERIC_SECRET, "spring.datasource.password: %s", g.alnum(10) + "9");
        s.tp(Detector.GENERIC_SECRET, "jdbc:mysql://db/app?user=svc&password=%s&ssl=true", "h" + g.alnum(9) + "7");
        s.tp(Detector.GENERIC_SECRET, "const apiKey = \"%s\";", g.alnum(28));
        s.tp(Detector.GENERIC_SECRET, "My password is %s btw, don't share it", "Tr0ub4dor&" + g.chars(KeyGen.DIGITS, 2));
        s.tp(Detector.GENERIC_SECRET, "the DB password was %s until Monday", g.alnum(9) + "#");
        s.fp(Detector.GENERIC_SECRET, "password: required, at least 12 characters");
        s.fp(Detector.GENERIC_SECRET, "password = os.environ[\"DB_PASSWORD\"]; token = get_token()");
        s.fp(Detector.GENERIC_SECRET, "secret: ${SECRET}, api_key: <YOUR_API_KEY>, password=\"changeme\"");
        s.fp(Detector.GENERIC_SECRET, "passwordPolicy: strict, max_tokens: 4096, token_count = 1024, bypass=true");
        s.fp(Detector.GENERIC_SECRET, "if (password == null || token.isEmpty()) return; self.token = config.token");
        s.fp(Detector.GENERIC_SECRET, "monkey: banana123, compass: north, keyboard=qwerty123");
        s.fp(Detector.GENERIC_SECRET, "the password is required, the token was revoked, the secret is out: this is fine");
        // field report: a SigV4 credential scope is not a secret (a real access key id inside is still found)
        s.fp(Detector.GENERIC_SECRET, "Authorization: AWS4-HMAC-SHA256 " + join("Credential=", "AKID", "EXAMPLE", "/20150830/us-east-1/iam/aws4_request")
                + ", SignedHeaders=content-type;host;x-amz-date, Signature=" + g.hex(64));
        s.fp(Detector.GENERIC_SECRET, "X-Amz-Credential=" + join("AKID", "EXAMPLE") + "%2F20150830%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20150830T123600Z");
        s.fp(Detector.GENERIC_SECRET, "credentials: /home/deploy/.aws/credentials2, token_file=/var/run/secrets/kubernetes.io/serviceaccount/token");
        s.tp(Detector.AWS_ACCESS_KEY_ID, "Credential=%s/20150830/us-east-1/iam/aws4_request", join("AK", "IA", g.chars(KeyGen.BASE32, 16)));
        s.tp(Detector.GENERIC_SECRET, "Authorization: Token %s", g.alnum(30) + "7");
        s.fp(Detector.GENERIC_SECRET, "Authorization: Digest username=\"Mufasa\", realm=\"api\", nonce=\"" + g.hex(32)
                + "\", response=\"" + g.hex(32) + "\"; Authorization: NTLM");
    }

    /** A value the 40-character detectors look at: fails loudly if a sample is edited to another length. */
    private static String forty(String value) {
        if (value.length() != 40) {
            throw new IllegalArgumentException(value.length() + " chars: " + value);
        }
        return value;
    }
}
