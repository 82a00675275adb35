package org.promiseledger.web.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a Chart.js line chart needs; handed to the page as JSON in a data attribute (no inline script). */
record ChartData(List<String> labels, List<Series> series) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line: a null value leaves a gap (no run that quarter, or not the viewer's to see). */
    record Series(String label, String axis, List<BigDecimal> values) {

        /** Charts read 4 places, as the tables do. */
        Series {
            values = values.stream().map(v -> v == null ? null : v.setScale(4, RoundingMode.HALF_EVEN)).toList();
        }
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data cannot be written as JSON", e);
        }
    }
}
