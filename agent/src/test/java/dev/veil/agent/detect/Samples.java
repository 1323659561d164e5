package dev.veil.agent.detect;

import static dev.veil.agent.detect.KeyGen.join;

import java.util.ArrayList;
import java.util.List;

/**
 * True-positive and hard-negative samples for every detector, generated from a seed. Positives are
 * embedded in the kinds of text prompts carry (prose, code, JSON, config); negatives are the
 * look-alikes each detector must leave alone.
 */
public final class Samples {
    private final KeyGen g;
    private final List<Sample> all = new ArrayList<Sample>();

    private Samples(long seed) {
        this.g = new KeyGen(seed);
    }

    public static List<Sample> generate(long seed) {
        Samples s = new Samples(seed);
        s.llmKeys();
        s.pii();
        return s.all;
    }

    private void tp(Detector d, String template, String value) {
        all.add(Sample.positive(d.id(), template, value));
    }

    private void fp(Detector d, String text) {
        all.add(Sample.negative(d.id(), text));
    }

    private String openAiBody(int half) {
        return join(g.word(half), "T3Blbk", "FJ", g.word(half));
    }

    private void llmKeys() {
        tp(Detector.OPENAI_API_KEY, "export OPENAI_API_KEY=%s", join("sk-", "proj-", openAiBody(74)));
        tp(Detector.OPENAI_API_KEY, "client = OpenAI(api_key=\"%s\")", join("sk-", "proj-", openAiBody(60)));
        tp(Detector.OPENAI_API_KEY, "my old key was %s, does it still work?", join("sk-", g.alnum(20), "T3Blbk", "FJ", g.alnum(20)));
        tp(Detector.OPENAI_SERVICE_ACCOUNT_KEY, "{\"key\": \"%s\"}", join("sk-", "svcacct-", openAiBody(70)));
        tp(Detector.OPENAI_ADMIN_KEY, "Authorization: Bearer %s", join("sk-", "admin-", openAiBody(60)));
        fp(Detector.OPENAI_API_KEY, "Set OPENAI_API_KEY=sk-... in your shell, then run the script.");
        fp(Detector.OPENAI_API_KEY, "api_key = \"sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"");
        fp(Detector.OPENAI_API_KEY, "The key looks like sk-proj-your-api-key-goes-here-replace-me-before-running-it-ok");
        fp(Detector.OPENAI_API_KEY, "a task-sk-proj-planning meeting about the sk- prefix and <YOUR_API_KEY>");
    }

    private void pii() {
        String[] names = {"alice", "bob.smith", "j.doe+news", "maria_garcia", "x99"};
        String[] domains = {"example.com", "mail.acme.co.uk", "uni-heidelberg.de", "startup.io", "corp.internal.net"};
        for (int i = 0; i < 5; i++) {
            tp(Detector.EMAIL_ADDRESS, "Please contact %s about the invoice.", g.pick(names) + g.nextInt(100) + "@" + g.pick(domains));
        }
        tp(Detector.EMAIL_ADDRESS, "{\"to\": \"%s\"}", "ops-team@company.org");
        tp(Detector.EMAIL_ADDRESS, "<a href=\"mailto:%s\">mail</a>", "first.last@sub.domain.fr");
        fp(Detector.EMAIL_ADDRESS, "git clone git@github.com:veil/agent.git");
        fp(Detector.EMAIL_ADDRESS, "<img src=\"icon@2x.png\"> and logo@3x.webp");
        fp(Detector.EMAIL_ADDRESS, "npm install @scope/pkg lodash@4.17.21 and @Override public void run()");
        fp(Detector.EMAIL_ADDRESS, "ssh deploy@10.0.0.5 or user@localhost; see report@final.docx");
    }
}
