package dev.veil.agent.llm.response;

import java.io.IOException;

/** The current string value, materialised only when an extraction rule asks for it. */
interface TextSource {
    String text() throws IOException;
}
