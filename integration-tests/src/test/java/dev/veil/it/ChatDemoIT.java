package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's first command: the demo leaks without the agent and is redacted with it. */
class ChatDemoIT {

    private static final Path DEMO = ChildJvm.testAppJar("chat-demo", "chat-demo.jar");
    private static final Pattern KEY = Pattern.compile("sk-proj-[A-Za-z0-9]{20,}");

    @Test
    void withoutTheAgentTheServerGetsTheSecrets() throws Exception {
        ChildJvm.Result run = ChildJvm.on(Jdks.current()).withoutAgent().runJar(DEMO);
        assertEquals(0, run.exitCode, run::toString);
        String received = run.line("server received:");
        assertTrue(received.contains("jane.doe@example.com"), received);
        assertTrue(KEY.matcher(received).find(), received);
    }

    @Test
    void withTheAgentTheServerGetsPlaceholders() throws Exception {
        // log masking off, so that the demo's own console line still shows what the app sent
        ChildJvm.Result run = ChildJvm.on(Jdks.current()).property("veil.logs.mode", "off").runJar(DEMO);
        assertEquals(0, run.exitCode, run::toString);
        String sent = run.line("app sent:");
        Matcher key = KEY.matcher(sent);
        assertTrue(key.find(), sent);
        String received = run.line("server received:");
        assertFalse(received.contains("jane.doe@example.com"), received);
        assertFalse(received.contains(key.group()), received);
        assertTrue(received.contains("rotate the old one"), received);
        assertTrue(run.line("reply (200)").contains("Done"), run::toString);
        assertFalse(run.stderr.contains(key.group()), run::toString);
    }

    @Test
    void withLogMaskingTheDemosConsoleShowsNoKeyEither() throws Exception {
        ChildJvm.Result run = ChildJvm.on(Jdks.current()).runJar(DEMO);
        assertEquals(0, run.exitCode, run::toString);
        assertTrue(run.line("app sent:").contains("[[VEIL:OPENAI_API_KEY]]"), run::toString);
        assertFalse(KEY.matcher(run.stdout).find(), run::toString);
        assertFalse(run.line("server received:").contains("jane.doe@example.com"), run::toString);
    }
}
