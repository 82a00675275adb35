package org.promiseledger.web.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One cell of the attainment heatmap: what it shows (the attainment to 2 places and its marks), its colour class on the
 * 0–1.5 scale, and the same facts in words — value, sample, status, fallback — for the hover title and screen readers.
 */
record HeatCell(String shown, String mark, String cssClass, String text) {

    /** Colours step by 0.1 of attainment: heat-00 (0, far below) … heat-10 (1.0, on target) … heat-15 (1.5, stretch). */
    static final int STEPS = 15;

    static HeatCell of(AttainedMetric m, String scopeTitle) {
        String facts = "value " + Formats.fourPlaces(m.value()) + ", sample " + m.sampleSize() + ", " + m.status();
        String mark = (m.insufficient() ? "*" : "") + (m.fallback() ? "↩" : "");
        String classes = (m.insufficient() ? " thin" : "") + (m.fallback() ? " borrowed" : "");
        if (m.attainment() == null) {
            return new HeatCell("—", mark, "heat heat-none" + classes,
                    m.metric() + " of " + scopeTitle + ": not scored; " + facts);
        }
        return new HeatCell(two(m.attainment()), mark, "heat " + heatClass(m.attainment()) + classes,
                m.metric() + " of " + scopeTitle + ": attainment " + Formats.fourPlaces(m.attainment()) + "; " + facts
                        + (m.fallback() ? "; uses the company attainment" : ""));
    }

    /** A metric the scope has no row for (the company has no INTERNAL_SERVICE). */
    static HeatCell missing(String metric, String scopeTitle) {
        return new HeatCell("", "", "heat heat-none", metric + " of " + scopeTitle + ": not measured for this scope");
    }

    static HeatCell cx(AttainedMetricReader.StoredCx cx, String scopeTitle) {
        if (cx == null || cx.cxIndex() == null) {
            return new HeatCell("—", "", "heat heat-none cx", "CX index of " + scopeTitle + ": none stored");
        }
        String mark = switch (cx.basis() == null ? "" : cx.basis()) {
            case "COMPANY_CX" -> "↩";
            case "MOMENT_OF_TRUTH_CAP" -> "†";
            default -> "";
        };
        // only the marked ways are worded: a plain weighted index may be a department's internal service alone,
        // which the stored basis does not tell apart
        return new HeatCell(two(cx.cxIndex()), mark, "heat cx " + heatClass(cx.cxIndex()),
                "CX index of " + scopeTitle + ": " + Formats.fourPlaces(cx.cxIndex())
                        + (mark.isEmpty() ? "" : "; " + ScopeCardReader.cxReading(cx.basis(), false)));
    }

    /** The nearest 0.1 step, 0 below and 1.5 above the scale. */
    static String heatClass(BigDecimal value) {
        if (value == null) {
            return "heat-none";
        }
        int step = value.movePointRight(1).setScale(0, RoundingMode.HALF_UP).intValue();
        return String.format("heat-%02d", Math.max(0, Math.min(STEPS, step)));
    }

    private static String two(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
