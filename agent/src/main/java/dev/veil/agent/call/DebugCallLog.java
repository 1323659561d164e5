package dev.veil.agent.call;

import dev.veil.agent.llm.ResponseInfo;
import org.slf4j.Logger;

/** One debug line per finished LLM call: provider, operation, model, action, status, tokens — never content. */
public final class DebugCallLog implements CallListener {

    private final Logger log;

    public DebugCallLog(Logger log) {
        this.log = log;
    }

    @Override
    public void callEnded(CallRecord call) {
        if (!log.isDebugEnabled()) {
            return;
        }
        ResponseInfo r = call.response();
        log.debug("{} {} to {}: {} with {} finding(s), status {}, model {}, tokens in {} out {}, {} ms{}",
                call.endpoint().provider(), call.endpoint().operation(), call.endpoint().serverAddress(),
                call.action().attributeValue(), call.findingCount(), call.status(),
                r == null ? null : r.responseModel(), r == null ? null : r.inputTokens(),
                r == null ? null : r.outputTokens(), call.durationNanos() / 1000000,
                call.failure() == null ? "" : ", ended by " + call.failure().getClass().getSimpleName());
    }
}
