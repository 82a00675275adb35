package org.promiseledger.cli.internal;

/**
 * Text from input files printed on a terminal: a line break in a department name would break the summary's table,
 * and an escape character could rewrite the operator's screen. Control characters (and the Unicode line and
 * paragraph separators) are shown as visible escapes instead: {@code \n}, {@code \r}, {@code \t}, {@code \u001B}.
 */
final class ConsoleText {

    private ConsoleText() {
    }

    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                out.append(escape == null ? String.valueOf(c) : escape);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085'
                    ? String.format("\\u%04X", (int) c) : null;
        };
    }
}
