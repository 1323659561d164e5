package dev.veil.agent.detect;

import dev.veil.agent.config.VeilConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The detection engine: one left-to-right pass over the text with hand-written scanners, no regular
 * expressions on prompt text. Immutable and thread-safe; a scan of clean text allocates nothing.
 *
 * <p>The pass splits the text into word tokens ({@code [A-Za-z0-9_-]+}) and a few trigger characters
 * ({@code @ : =}). Each token is offered to the scanners that can start with its first character and
 * length; each trigger to the scanners built around it (e-mail, URLs, IPv6, assignments). Every
 * scanner looks at a bounded window, and the pass never moves backwards, so the work is linear in the
 * text whatever it contains. User-defined patterns run afterwards with RE2/J, also linear.
 */
public final class Engine {
    private final boolean[] enabled;
    /** An array, not a list: iterating a list allocates an iterator on every scan. */
    private final CustomDetector[] custom;
    private final Allowlist allowlist;

    Engine(boolean[] enabled, List<CustomDetector> custom, Allowlist allowlist) {
        this.enabled = enabled.clone();
        this.custom = custom.toArray(new CustomDetector[0]);
        this.allowlist = allowlist;
    }

    /** Every built-in detector on, no custom detectors, no allowlist. */
    public static Engine defaults() {
        boolean[] all = new boolean[Detector.values().length];
        java.util.Arrays.fill(all, true);
        return new Engine(all, Collections.<CustomDetector>emptyList(), Allowlist.EMPTY);
    }

    public static Engine fromConfig(VeilConfig config) {
        List<String> disabled = config.get(DetectionSettings.DISABLED);
        boolean[] on = new boolean[Detector.values().length];
        for (Detector d : Detector.values()) {
            on[d.ordinal()] = !disabled.contains(d.id()) && !disabled.contains(d.category().id());
        }
        List<CustomDetector> custom = new ArrayList<CustomDetector>();
        for (CustomDetector c : config.get(DetectionSettings.CUSTOM)) {
            if (!disabled.contains(c.category().id())) {
                custom.add(c);
            }
        }
        Allowlist allow = new Allowlist(config.get(DetectionSettings.ALLOW), config.get(DetectionSettings.ALLOW_PATTERNS));
        return new Engine(on, custom, allow.isEmpty() ? Allowlist.EMPTY : allow);
    }

    public boolean isEnabled(Detector d) {
        return enabled[d.ordinal()];
    }

    /** All findings of every category, non-overlapping, in text order. */
    public List<Finding> scan(CharSequence text) {
        return scan(text, true, true);
    }

    /** Findings of the selected categories, non-overlapping, in text order; an empty list allocates nothing. */
    public List<Finding> scan(CharSequence text, boolean secrets, boolean pii) {
        String s = text.toString();
        List<Finding> found = null;
        int n = s.length();
        int i = 0;
        int lastEnd = -1;
        while (true) {
            i = skipPlain(s, i, n);
            if (i >= n) {
                break;
            }
            char c = s.charAt(i); // a word token start or a trigger char: see skipPlain
            Finding f;
            int next;
            if (Chars.isWord(c)) {
                int tokenEnd = wordEnd(s, i + 1, n);
                f = Tokens.isPlainWord(s, i, tokenEnd) ? null : Tokens.at(s, i, tokenEnd);
                // skip past a finding that starts here; one found further on (a header or assignment
                // value) is rescanned so a more specific detector can claim the same value
                next = f != null && f.start() <= i ? Math.max(tokenEnd, f.end()) : tokenEnd;
            } else if (c == '@') {
                // right after a credential the '@' ends URL user info (https://<token>@host), not a mailbox name
                f = lastEnd == i ? null : Emails.at(s, i);
                next = f != null ? f.end() : i + 1;
            } else {
                f = Triggers.at(s, i);
                next = f != null ? Triggers.resumeAfter(f, i) : i + 1;
            }
            if (f != null && wanted(f, secrets, pii, s)) {
                if (found == null) {
                    found = new ArrayList<Finding>();
                }
                found.add(f);
                lastEnd = f.end();
            }
            i = next;
        }
        for (int k = 0; k < custom.length; k++) {
            CustomDetector d = custom[k];
            if (d.category() == Category.SECRET ? secrets : pii) {
                if (found == null) {
                    found = new ArrayList<Finding>();
                }
                int before = found.size();
                d.scan(s, found);
                removeAllowed(s, found, before);
            }
        }
        if (found == null || found.isEmpty()) {
            return Collections.emptyList();
        }
        return Overlaps.resolve(found);
    }

    /**
     * The first position at or after {@code from} where a scanner may start: a word token that is not
     * {@link Tokens#isShortPlain short and plain}, or a trigger char; {@code n} when there is none. Most
     * of a prompt is skipped here, in a loop small enough for the JIT to compile on its own, tightly,
     * away from the scanners' code.
     */
    private static int skipPlain(String s, int from, int n) {
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            int kind = Chars.classOf(c); // a table indexed by any char: no c < 128 test, no bounds check
            if ((kind & Chars.WORD) != 0) {
                int tokenEnd = wordEnd(s, i + 1, n);
                if (!Tokens.isShortPlain(s, c, i, tokenEnd)) {
                    return i;
                }
                i = tokenEnd;
            } else if ((kind & Chars.TRIGGER) != 0) {
                return i;
            } else {
                i++;
            }
        }
        return n;
    }

    /** Kept small and separate so the JIT compiles this hottest loop on its own, tightly. */
    private static int wordEnd(String s, int from, int n) {
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            if (!Chars.isWord(c)) {
                break;
            }
            i++;
        }
        return i;
    }

    private boolean wanted(Finding f, boolean secrets, boolean pii, String s) {
        Detector d = f.detector();
        boolean categoryOn = f.category() == Category.SECRET ? secrets : pii;
        return categoryOn && (d == null || enabled[d.ordinal()]) && (allowlist == Allowlist.EMPTY || !allowlist.allows(s, f));
    }

    private void removeAllowed(String s, List<Finding> found, int from) {
        if (allowlist == Allowlist.EMPTY) {
            return;
        }
        for (int k = found.size() - 1; k >= from; k--) {
            if (allowlist.allows(s, found.get(k))) {
                found.remove(k);
            }
        }
    }
}
