package dev.veil.agent.logs;

/**
 * What a line becomes when the engine failed on it: {@code dev.veil.bootstrap.SecretShapes} masks every
 * secret-shaped token. That class lives on the boot loader once the bootstrap API is defined; before that
 * (a console line at start-up) the whole line is replaced, keeping its line break, so it is never raw.
 */
final class FallbackMask {
    private FallbackMask() {
    }

    static String mask(String line) {
        try {
            return dev.veil.bootstrap.SecretShapes.mask(line);
        } catch (LinkageError notDefinedYet) {
            int end = line.length();
            while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
                end--;
            }
            return "[[VEIL:SECRET]]" + line.substring(end);
        }
    }
}
