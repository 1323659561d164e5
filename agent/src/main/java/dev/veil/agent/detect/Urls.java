package dev.veil.agent.detect;

/**
 * URLs, found from their {@code ://}: the password of {@code scheme://user:password@host} (user and
 * host stay readable), and Slack and Discord webhook URLs, which are credentials in themselves.
 */
final class Urls {
    private Urls() {
    }

    private static final int MAX_AUTHORITY = 256;
    private static final int MAX_URL = 512;
    private static final String[] PLACEHOLDER_PASSWORDS = {"password", "pass", "pwd", "secret", "changeme", "xxx", "***"};

    /** The finding introduced by the {@code :} at {@code colon} when it starts {@code ://}, or null. */
    static Finding at(String s, int colon) {
        if (!s.startsWith("//", colon + 1) || colon == 0 || !Chars.isLetter(s.charAt(colon - 1))) {
            return null;
        }
        int authorityStart = colon + 3;
        int authorityEnd = authorityStart;
        int lastAt = -1;
        int limit = Math.min(s.length(), authorityStart + MAX_AUTHORITY);
        while (authorityEnd < limit && !endsAuthority(s.charAt(authorityEnd))) {
            if (s.charAt(authorityEnd) == '@') {
                lastAt = authorityEnd;
            }
            authorityEnd++;
        }
        if (lastAt < 0) {
            return webhook(s, colon, authorityStart);
        }
        int userColon = Chars.indexOf(s, ":", authorityStart, lastAt);
        if (userColon < 0 || userColon + 1 == lastAt) {
            return null;
        }
        return isPlaceholderPassword(s, userColon + 1, lastAt) ? null
                : Finding.of(userColon + 1, lastAt, Detector.URL_CREDENTIALS);
    }

    private static boolean endsAuthority(char c) {
        return c == '/' || c == '?' || c == '#' || c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`';
    }

    private static boolean isPlaceholderPassword(String s, int from, int to) {
        if (Placeholders.isTemplate(s, from, to) || Placeholders.hasLongRun(s, from, to)) {
            return true;
        }
        for (String w : PLACEHOLDER_PASSWORDS) {
            if (to - from == w.length() && Chars.regionMatchesIgnoreCase(s, from, w)) {
                return true;
            }
        }
        return false;
    }

    private static Finding webhook(String s, int colon, int hostStart) {
        int schemeStart = colon;
        while (schemeStart > 0 && Chars.isLetter(s.charAt(schemeStart - 1))) {
            schemeStart--;
        }
        Detector d;
        int pathStart;
        if (s.startsWith("hooks.slack.com/", hostStart)) {
            d = Detector.SLACK_WEBHOOK_URL;
            pathStart = hostStart + "hooks.slack.com/".length();
            if (!s.startsWith("services/", pathStart) && !s.startsWith("workflows/", pathStart)
                    && !s.startsWith("triggers/", pathStart)) {
                return null;
            }
        } else if (s.startsWith("discord.com/api/webhooks/", hostStart)
                || s.startsWith("discordapp.com/api/webhooks/", hostStart)) {
            d = Detector.DISCORD_WEBHOOK_URL;
            pathStart = s.indexOf("webhooks/", hostStart) + "webhooks/".length();
        } else {
            return null;
        }
        int end = pathStart;
        int limit = Math.min(s.length(), pathStart + MAX_URL);
        while (end < limit && (Chars.isWord(s.charAt(end)) || s.charAt(end) == '/')) {
            end++;
        }
        // the secret part is the last path segment: long and random in a real hook
        int lastSlash = s.lastIndexOf('/', end - 1);
        if (lastSlash < pathStart || end - lastSlash - 1 < 20 || Placeholders.looksFake(s, lastSlash + 1, end)) {
            return null;
        }
        return Finding.of(schemeStart, end, d);
    }
}
