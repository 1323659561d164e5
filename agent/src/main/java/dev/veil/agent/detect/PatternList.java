package dev.veil.agent.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a configuration value holding several regular expressions at the commas that separate them:
 * commas inside {@code (..)}, {@code [..]}, {@code {..}} or escaped as {@code \,} belong to a pattern.
 */
final class PatternList {
    private PatternList() {
    }

    static List<String> split(String raw) {
        List<String> items = new ArrayList<String>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                current.append(c).append(raw.charAt(++i));
                continue;
            }
            if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(' || c == '{') {
                depth++;
            } else if ((c == ')' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                add(items, current);
                continue;
            }
            current.append(c);
        }
        add(items, current);
        return items;
    }

    private static void add(List<String> items, StringBuilder current) {
        String item = current.toString().trim();
        if (!item.isEmpty()) {
            items.add(item);
        }
        current.setLength(0);
    }
}
