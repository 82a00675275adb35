package org.promiseledger.api;

import java.util.Locale;

/** What a personal API token may do: read what its owner may read, or also operate (launch, review, approve, adjust, export). */
public enum TokenScope {
    READ,
    OPERATE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The authority Spring Security checks: SCOPE_read, SCOPE_operate. */
    public String authority() {
        return "SCOPE_" + word();
    }

    public static TokenScope parse(String text) {
        for (TokenScope scope : values()) {
            if (scope.word().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return scope;
            }
        }
        throw new IllegalArgumentException("scope '" + text + "' is not read or operate");
    }
}
