package org.promiseledger.bench;

import java.util.List;

/** What the bench measured: per step, and the summary line's figures. */
public record BenchReport(List<StepFigures> steps, long rows, double totalSeconds, Double ingestSeconds, Double loadDataSeconds,
        double scoringSeconds, long peakHeapBytes, int exitCode, List<String> messages) {

    /** One step: wall time, rows handled and the largest heap in use seen while it ran. */
    public record StepFigures(String step, double seconds, long rows, long peakHeapBytes) {
        public double rowsPerSecond() {
            return seconds <= 0 ? rows : rows / seconds;
        }
    }

    /** The last line, in the form the benchmark's readers grep for. */
    public String summaryLine() {
        String ratio = loadDataSeconds == null || loadDataSeconds <= 0 ? "n/a"
                : String.format(java.util.Locale.ROOT, "%.2fx", ingestSeconds / loadDataSeconds);
        return String.format(java.util.Locale.ROOT, "bench: rows %d, total %.1f s, ingest/LOAD DATA %s, scoring %.1f s, peak heap %d MB",
                rows, totalSeconds, ratio, scoringSeconds, peakHeapBytes / (1024 * 1024));
    }
}
