package org.promiseledger.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleTextTests {

    @Test
    void lineBreaksTabsAndEscapesAreShownAsVisibleEscapes() {
        assertThat(ConsoleText.safe("Customer\nCare\r\tDesk")).isEqualTo("Customer\\nCare\\r\\tDesk");
        assertThat(ConsoleText.safe("red\u001B[31m")).isEqualTo("red\\u001B[31m");
        assertThat(ConsoleText.safe("a\u2028b\u0085c")).isEqualTo("a\\u2028b\\u0085c");
    }

    @Test
    void ordinaryTextInAnyScriptIsUnchanged() {
        assertThat(ConsoleText.safe("Zürich 客服 Ελλάδα")).isEqualTo("Zürich 客服 Ελλάδα");
        assertThat(ConsoleText.safe(null)).isEmpty();
    }
}
