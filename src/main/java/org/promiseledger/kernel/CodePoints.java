package org.promiseledger.kernel;

import java.util.Comparator;

/** Ids compare by Unicode code point, case-sensitive, the same on every database and in Java (docs/semantics.md). */
public final class CodePoints {

    public static final Comparator<String> ORDER = CodePoints::compare;

    private CodePoints() {
    }

    private static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
