package dev.veil.agent.call;

import dev.veil.agent.llm.stream.OpenAiUsageStripper;

/** The response side of {@code veil.stream.usage}: removes the usage Veil asked for from what the app reads. */
public final class UsageStripFilter implements ResponseFilter {

    private final OpenAiUsageStripper stripper = new OpenAiUsageStripper();

    @Override
    public byte[] filter(byte[] b, int off, int len) {
        return stripper.filter(b, off, len);
    }

    @Override
    public byte[] finish() {
        return stripper.finish();
    }
}
