package dev.veil.agent.call;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;

/** Fans a call out to several listeners; one failing listener never affects the others or the app. */
public final class CallListeners implements CallListener {

    private final List<CallListener> listeners;
    private final Logger log;

    public CallListeners(List<CallListener> listeners, Logger log) {
        this.listeners = Collections.unmodifiableList(new ArrayList<CallListener>(listeners));
        this.log = log;
    }

    @Override
    public void callStarted(CallRecord call) {
        for (CallListener l : listeners) {
            try {
                l.callStarted(call);
            } catch (Throwable t) {
                log.debug("call listener {} failed", l.getClass().getName(), t);
            }
        }
    }

    @Override
    public int contentCaptureChars() {
        int max = 0;
        for (CallListener l : listeners) {
            max = Math.max(max, l.contentCaptureChars());
        }
        return max;
    }

    @Override
    public boolean wantsFingerprints() {
        for (CallListener l : listeners) {
            if (l.wantsFingerprints()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void callEnded(CallRecord call) {
        for (CallListener l : listeners) {
            try {
                l.callEnded(call);
            } catch (Throwable t) {
                log.debug("call listener {} failed", l.getClass().getName(), t);
            }
        }
    }
}
