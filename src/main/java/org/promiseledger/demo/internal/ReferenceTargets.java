package org.promiseledger.demo.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * targets.csv for the reference workload: a COMPANY row for every metric, set so the company's attainments land
 * between about 0.6 and 1.3, and twenty department rows where a division or unit has a bar of its own.
 * Lower-is-better metrics (CES, COMPLAINT_RATE) run downwards.
 */
public final class ReferenceTargets {

    private static final List<List<String>> ROWS = List.of(
            List.of("NPS", "COMPANY", "10", "20", "30"),
            List.of("CSAT", "COMPANY", "64", "70", "76"),
            List.of("CES", "COMPANY", "3.2", "2.9", "2.6"),
            List.of("FCR", "COMPANY", "62", "70", "78"),
            List.of("COMPLAINT_RATE", "COMPANY", "320", "280", "240"),
            List.of("RETENTION", "COMPANY", "84", "88", "92"),
            List.of("CONSISTENCY", "COMPANY", "82", "90", "96"),
            List.of("INTERNAL_SERVICE", "COMPANY", "55", "65", "75"),
            // The board and Corporate Services with its units live on internal service: a higher bar.
            List.of("INTERNAL_SERVICE", "D0001", "56", "67", "78"),
            List.of("INTERNAL_SERVICE", "D0009", "56", "67", "78"),
            List.of("INTERNAL_SERVICE", "D0017", "56", "67", "78"),
            List.of("INTERNAL_SERVICE", "D0025", "56", "67", "78"),
            List.of("INTERNAL_SERVICE", "D0033", "56", "67", "78"),
            // Customer Service's queues resolve less at first contact: a fairer bar for the division and its units.
            List.of("FCR", "D0008", "58", "66", "74"),
            List.of("FCR", "D0016", "58", "66", "74"),
            List.of("FCR", "D0024", "58", "66", "74"),
            List.of("FCR", "D0032", "58", "66", "74"),
            // Digital Channels should be easier to deal with than the company average.
            List.of("CES", "D0007", "3.0", "2.7", "2.4"),
            List.of("CES", "D0015", "3.0", "2.7", "2.4"),
            List.of("CES", "D0023", "3.0", "2.7", "2.4"),
            List.of("CES", "D0031", "3.0", "2.7", "2.4"),
            List.of("CES", "D0039", "3.0", "2.7", "2.4"),
            // Wealth Management's clients expect more: a higher NPS bar.
            List.of("NPS", "D0006", "15", "25", "35"),
            List.of("NPS", "D0014", "15", "25", "35"),
            List.of("NPS", "D0022", "15", "25", "35"),
            List.of("NPS", "D0030", "15", "25", "35"),
            List.of("NPS", "D0038", "15", "25", "35"),
            // Retail Banking promised the regulator fewer upheld complaints.
            List.of("COMPLAINT_RATE", "D0002", "300", "260", "220"));

    private ReferenceTargets() {
    }

    /** targets.csv: metric, scope, threshold, target, stretch. */
    public static long write(Path file) throws IOException {
        try (CsvLineWriter out = new CsvLineWriter(file, ContractFile.TARGETS.header())) {
            for (List<String> row : ROWS) {
                out.row(row.toArray(String[]::new));
            }
            return out.rows();
        }
    }
}
