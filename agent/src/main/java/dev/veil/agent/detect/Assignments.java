package dev.veil.agent.detect;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code password = value}, {@code "api_key": "value"}, {@code --token=value}, {@code Password=value;}
 * in connection strings and query strings: a credential-named key, an {@code =} or {@code :}, and a
 * value that is neither a placeholder nor code. Key names match case-insensitively with {@code _ - .}
 * ignored ({@code apiKey}, {@code API-KEY}, {@code x-api-key}) and must start at a word boundary, so
 * {@code bypass} or {@code monkey} never qualify.
 */
final class Assignments {
    private Assignments() {
    }

    private static final int MAX_KEY = 48;
    private static final int MAX_VALUE = 256;

    private static final String AWS_SECRET_KEY = "secretaccesskey";
    private static final String AZURE_ACCOUNT_KEY = "accountkey";
    private static final String AUTHORIZATION = "authorization";
    /** Key names whose values are passwords: humans choose them, so no entropy floor, only shape. */
    private static final Set<String> PASSWORD_NAMES = new HashSet<String>(Arrays.asList("password", "passwd", "pwd",
            "passphrase", "pass", "userpassword", "dbpassword", "adminpassword"));
    /**
     * Every credential key name, specific ones first. Names other than passwords hold machine-generated
     * values, which need letters, digits and entropy. Compounds written in one case (CLIENTSECRET,
     * accesstoken) are listed because they have no inner word boundary to find.
     */
    private static final KeyNames CREDENTIAL_KEYS = new KeyNames(AWS_SECRET_KEY, AZURE_ACCOUNT_KEY, "userpassword",
            "dbpassword", "adminpassword", "password", "passwd", "pwd", "passphrase", "pass", "clientsecret", "appsecret",
            "consumersecret", "webhooksecret", "accesstoken", "authtoken", "refreshtoken", "bearertoken", "sessiontoken",
            "privatetoken", "sharedaccesskey", "secret", "token", "apikey", "accesskey", "secretkey", "privatekey",
            "authkey", "credential", "credentials", "auth", "masterkey", "signingkey", "encryptionkey", "subscriptionkey",
            AUTHORIZATION);

    /** The value assigned by the {@code =} or {@code :} at {@code op} to a credential-named key, or null. */
    static Finding at(String s, int op) {
        char c = s.charAt(op);
        int n = s.length();
        if (op + 1 < n && (s.charAt(op + 1) == '=' || c == ':' && s.charAt(op + 1) == ':')) {
            return null; // ==, ::
        }
        if (op > 0 && "=!<>:".indexOf(s.charAt(op - 1)) >= 0) {
            return null; // ==, !=, <=, >=, ::
        }
        int keyEnd = op;
        while (keyEnd > 0 && op - keyEnd < 3 && s.charAt(keyEnd - 1) == ' ') {
            keyEnd--;
        }
        if (keyEnd > 0 && isQuote(s.charAt(keyEnd - 1))) {
            keyEnd--;
        }
        int keyStart = keyEnd;
        while (keyStart > 0 && keyEnd - keyStart < MAX_KEY && isKeyChar(s.charAt(keyStart - 1))) {
            keyStart--;
        }
        return keyStart == keyEnd ? null : forKey(s, keyStart, keyEnd, op + 1);
    }

    /**
     * Prose: {@code my password is <value>}, {@code the API token was ab12...}. The verb is the word
     * token [start, end) ({@code is} or {@code was}); the key is the word before it.
     */
    static Finding afterVerb(String s, int start, int end) {
        if (start < 2 || s.charAt(start - 1) != ' ' || end >= s.length() || s.charAt(end) != ' ') {
            return null;
        }
        int keyEnd = start - 1;
        int keyStart = keyEnd;
        while (keyStart > 0 && keyEnd - keyStart < MAX_KEY && Chars.isWord(s.charAt(keyStart - 1))) {
            keyStart--;
        }
        return keyStart == keyEnd ? null : forKey(s, keyStart, keyEnd, end);
    }

    private static Finding forKey(String s, int keyStart, int keyEnd, int valueFrom) {
        String name = CREDENTIAL_KEYS.match(s, keyStart, keyEnd);
        if (name == null) {
            return null;
        }
        Detector detector = name.equals(AWS_SECRET_KEY) ? Detector.AWS_SECRET_ACCESS_KEY
                : name.equals(AZURE_ACCOUNT_KEY) ? Detector.AZURE_STORAGE_ACCOUNT_KEY : Detector.GENERIC_SECRET;
        boolean password = PASSWORD_NAMES.contains(name);
        if (name.equals(AUTHORIZATION)) {
            return authorization(s, valueFrom);
        }
        return value(s, valueFrom, detector, password);
    }

    /** HTTP authentication schemes (IANA registry, plus AWS SigV4): words that name a scheme, never a secret. */
    private static final String[] AUTH_SCHEMES = {"aws4-hmac-sha256", "digest", "negotiate", "ntlm", "hoba", "mutual",
        "scram-sha-1", "scram-sha-256", "vapid", "dpop", "gnap", "privatetoken", "concealed", "token", "bearer", "basic"};

    private static boolean isRegisteredScheme(String s, int start, int end) {
        for (String scheme : AUTH_SCHEMES) {
            if (end - start == scheme.length() && Chars.regionMatchesIgnoreCase(s, start, scheme)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code Authorization: <scheme> <credentials>}: the first word is the scheme, not a secret. Bearer and
     * Basic belong to {@link AuthHeaders}; for another scheme a single token68 value ({@code Token abc…})
     * is checked like any token, while parameter lists ({@code AWS4-HMAC-SHA256 Credential=…, Signature=…},
     * {@code Digest username="…"}) are left to the assignment scanner, parameter by parameter. A value
     * without a scheme ({@code "authorization": "<token>"}) is a token.
     */
    private static Finding authorization(String s, int from) {
        int n = s.length();
        int i = from;
        while (i < n && i - from < 4 && s.charAt(i) == ' ') {
            i++;
        }
        int schemeEnd = i;
        while (schemeEnd < n && schemeEnd - i < 32 && (Chars.isWord(s.charAt(schemeEnd)) || s.charAt(schemeEnd) == '.')) {
            schemeEnd++;
        }
        if (isRegisteredScheme(s, i, schemeEnd)) {
            if (schemeEnd >= n || s.charAt(schemeEnd) != ' ' || schemeEnd + 1 >= n || !Chars.isWord(s.charAt(schemeEnd + 1))) {
                return null; // a registered scheme name alone is never the credential
            }
        } else if (schemeEnd == i || schemeEnd >= n || s.charAt(schemeEnd) != ' ' || schemeEnd + 1 >= n
                || !Chars.isWord(s.charAt(schemeEnd + 1))) {
            return value(s, from, Detector.GENERIC_SECRET, false);
        }
        if (schemeEnd - i == 6 && Chars.regionMatchesIgnoreCase(s, i, "bearer") || schemeEnd - i == 5 && Chars.regionMatchesIgnoreCase(s, i, "basic")) {
            return null;
        }
        int start = schemeEnd + 1;
        int end = start;
        int limit = Math.min(n, start + MAX_VALUE + 1);
        while (end < limit && !endsBareValue(s, end)) {
            if (s.charAt(end) == '=' && end + 1 < n && !endsBareValue(s, end + 1) && s.charAt(end + 1) != '=') {
                return null; // name=value parameters
            }
            end++;
        }
        return end - start <= MAX_VALUE && SecretValues.plausibleToken(s, start, end) ? Finding.of(start, end, Detector.GENERIC_SECRET) : null;
    }

    /**
    /**
     * Pretty-printed JSON puts a long value on the line after its name ({@code "password":\n  "…"}): past
     * one line break and its indentation, when a quoted value follows there; otherwise {@code i}.
     */
    private static int quotedOnNextLine(String s, int i) {
        int n = s.length();
        int j = i;
        if (j < n && s.charAt(j) == '\r') {
            j++;
        }
        if (j >= n || s.charAt(j) != '\n') {
            return i;
        }
        j++;
        for (int k = 0; j < n && k < 16 && (s.charAt(j) == ' ' || s.charAt(j) == '\t'); k++) {
            j++;
        }
        return j < n && isQuote(s.charAt(j)) ? j : i;
    }

    private static Finding value(String s, int from, Detector detector, boolean password) {
        int n = s.length();
        int i = from;
        if (i < n && s.charAt(i) == '=') {
            i++; // :=
        }
        while (i < n && i - from < 4 && s.charAt(i) == ' ') {
            i++;
        }
        i = quotedOnNextLine(s, i);
        if (i >= n) {
            return null;
        }
        char quote = isQuote(s.charAt(i)) ? s.charAt(i) : 0;
        int start = quote != 0 ? i + 1 : i;
        int end = start;
        int limit = Math.min(n, start + MAX_VALUE + 1);
        while (end < limit && (quote != 0 ? s.charAt(end) != quote && s.charAt(end) != '\n' : !endsBareValue(s, end))) {
            end++;
        }
        if (quote == 0 && password && end - start > MAX_VALUE) {
            // A password named as such that runs on into more text (no space after it) is still a password:
            // its start is masked rather than the whole run let through as too long to be one.
            return Finding.of(start, start + MAX_VALUE, detector);
        }
        if (end - start > MAX_VALUE || quote != 0 && (end >= n || s.charAt(end) != quote)) {
            return null;
        }
        if (quote == 0) {
            while (end > start && ".,:".indexOf(s.charAt(end - 1)) >= 0) {
                end--; // sentence punctuation ('!' and '?' are kept: passwords end with them more often than prose)
            }
            if (looksLikeCode(s, start, end)) {
                return null;
            }
        }
        boolean ok;
        if (detector == Detector.AWS_SECRET_ACCESS_KEY) {
            ok = end - start == 40 && AwsSecrets.plausible(s, start, end);
        } else if (detector == Detector.AZURE_STORAGE_ACCOUNT_KEY) {
            ok = end - start >= 40 && Base64Values.isPaddedBase64(s, start, end) && Entropy.bits(s, start, end) > 4.5;
        } else {
            ok = password ? SecretValues.plausiblePassword(s, start, end) : SecretValues.plausibleToken(s, start, end);
        }
        return ok ? Finding.of(start, end, detector) : null;
    }

    /** Unquoted values that are expressions, not literals: {@code os.environ["X"]}, {@code getPassword()}, {@code self.token}. */
    private static boolean looksLikeCode(String s, int start, int end) {
        if (Chars.indexOf(s, "(", start, end) >= 0 || Chars.indexOf(s, "[", start, end) >= 0) {
            return true;
        }
        // a dotted identifier path: letters and dots only
        boolean dotted = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                dotted = true;
            } else if (!Chars.isLetter(c) && c != '_') {
                return false;
            }
        }
        return dotted;
    }

    private static boolean endsBareValue(String s, int i) {
        char c = s.charAt(i);
        if (c == '&') {
            return startsQueryParameter(s, i + 1); // ?password=x&ssl=true, but a '&' inside a password stays
        }
        return c <= ' ' || c == ',' || c == ';' || c == '"' || c == '\'' || c == '`' || c == ')' || c == ']' || c == '}'
                || c == '<' || c == '>';
    }

    /** {@code name=} at {@code from}, name of 1-32 word characters. */
    private static boolean startsQueryParameter(String s, int from) {
        int i = from;
        int limit = Math.min(s.length(), from + 33);
        while (i < limit && Chars.isWord(s.charAt(i))) {
            i++;
        }
        return i > from && i < s.length() && s.charAt(i) == '=';
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static boolean isKeyChar(char c) {
        return Chars.isWord(c) || c == '.';
    }
}
