package org.promiseledger.metrics;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The customer-impact metrics of docs/metrics.md, in code-point order of their codes (the export order). */
public enum MetricCode {
    CES(false),
    COMPLAINT_RATE(false),
    CONSISTENCY(true),
    CSAT(true),
    FCR(true),
    INTERNAL_SERVICE(true),
    NPS(true),
    RETENTION(true);

    private final boolean higherIsBetter;

    MetricCode(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The seven metrics measured on external customers; the company scope has only these. */
    public static Set<MetricCode> external() {
        return EnumSet.complementOf(EnumSet.of(INTERNAL_SERVICE));
    }

    public static Set<String> names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
