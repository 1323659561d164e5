package dev.veil.agent.call;

/** Told once about every LLM call when it ends (telemetry, audit, the agent's debug log). Must not throw. */
public interface CallListener {
    void callEnded(CallRecord call);
}
