package org.promiseledger.web.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A department's CX index over the last four quarters as a small inline SVG drawn by the template: the line (split
 * where a quarter has no figure), a dot per quarter coloured on the 0–1.5 scale, the target line at 1.0 when it falls
 * in view, and the same figures in words. As sparklines do, each is scaled to its own figures so its direction shows,
 * but never to less than {@link #MIN_SPAN}, so that noise in the fourth decimal is not drawn as a cliff.
 */
record Sparkline(List<String> periods, List<BigDecimal> values, List<String> segments, List<Dot> dots, String targetY,
        String text) {

    static final int WIDTH = 110;
    static final int HEIGHT = 30;
    static final double MIN_SPAN = 0.3;
    private static final double PAD = 4;

    /** One quarter with a figure: where it is drawn, and its colour class on the 0–1.5 scale. */
    record Dot(String x, String y, String heatClass, String title) {
    }

    static Sparkline of(String subject, List<String> periods, List<BigDecimal> values) {
        double[] range = range(values);
        List<String> segments = new ArrayList<>();
        List<Dot> dots = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            BigDecimal v = values.get(i);
            words.add(periods.get(i) + " " + (v == null ? "none" : Formats.fourPlaces(v)));
            if (v == null) {
                flush(segment, segments);
                continue;
            }
            String x = coordinate(x(i, values.size()));
            String y = coordinate(y(v.doubleValue(), range));
            segment.append(segment.isEmpty() ? "" : " ").append(x).append(',').append(y);
            dots.add(new Dot(x, y, HeatCell.heatClass(v), periods.get(i) + ": " + Formats.fourPlaces(v)));
        }
        flush(segment, segments);
        String target = 1.0 >= range[0] && 1.0 <= range[1] ? coordinate(y(1.0, range)) : null;
        return new Sparkline(List.copyOf(periods), values, segments, dots, target,
                subject + ", last four quarters: " + String.join(", ", words));
    }

    /** Lowest and highest index drawn: the figures' own range, widened evenly to at least MIN_SPAN. */
    private static double[] range(List<BigDecimal> values) {
        double lo = values.stream().filter(v -> v != null).mapToDouble(BigDecimal::doubleValue).min().orElse(0.5);
        double hi = values.stream().filter(v -> v != null).mapToDouble(BigDecimal::doubleValue).max().orElse(1.5);
        double widen = Math.max(0, MIN_SPAN - (hi - lo)) / 2;
        return new double[] {lo - widen, hi + widen};
    }

    private static void flush(StringBuilder segment, List<String> segments) {
        // a lone point is drawn by its dot; a polyline needs two
        if (segment.indexOf(" ") > 0) {
            segments.add(segment.toString());
        }
        segment.setLength(0);
    }

    private static double x(int index, int count) {
        return count <= 1 ? WIDTH / 2.0 : PAD + index * (WIDTH - 2 * PAD) / (count - 1);
    }

    private static double y(double value, double[] range) {
        return HEIGHT - PAD - (value - range[0]) / (range[1] - range[0]) * (HEIGHT - 2 * PAD);
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
