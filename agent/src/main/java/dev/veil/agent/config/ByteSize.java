package dev.veil.agent.config;

import java.util.Locale;

/** Parses sizes such as {@code 8388608}, {@code 64KiB}, {@code 8MiB}, {@code 1mb}. */
final class ByteSize {
    private ByteSize() {
    }

    static long parse(String key, String raw) {
        String v = raw.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < v.length() && Character.isDigit(v.charAt(i))) {
            i++;
        }
        if (i == 0 || i > 12) {
            throw ConfigException.invalid(raw, key, "expected a size like 65536, 64KiB or 8MiB");
        }
        long n = Long.parseLong(v.substring(0, i));
        String unit = v.substring(i).trim();
        long factor;
        if (unit.isEmpty() || unit.equals("b")) {
            factor = 1;
        } else if (unit.equals("kb") || unit.equals("kib") || unit.equals("k")) {
            factor = 1024;
        } else if (unit.equals("mb") || unit.equals("mib") || unit.equals("m")) {
            factor = 1024L * 1024;
        } else if (unit.equals("gb") || unit.equals("gib") || unit.equals("g")) {
            factor = 1024L * 1024 * 1024;
        } else {
            throw ConfigException.invalid(raw, key, "expected a size like 65536, 64KiB or 8MiB");
        }
        long size = n * factor;
        if (size <= 0 || size > Integer.MAX_VALUE - 8) {
            throw ConfigException.invalid(raw, key, "expected a size from 1 byte to 2GiB");
        }
        return size;
    }
}
