package org.promiseledger.cli.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.ledger.LedgerReads;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.springframework.stereotype.Component;

/**
 * The part of a run's summary about people who joined, left, moved or were promoted during the quarter: each one's
 * segments as the ledger booked them (dates, days, department, role, exact amount) and the payout they add up to.
 * Read from the SEGMENT payout lines, so it shows what was paid, not what the input file meant to say.
 */
@Component
class MidQuarterSummary {

    private static final List<String> ROLE_RANK = List.of("STAFF", "MANAGER", "EXECUTIVE");

    private final LedgerReads ledger;

    MidQuarterSummary(LedgerReads ledger) {
        this.ledger = ledger;
    }

    private record Segment(Date from, Date to, int days, int quarterDays, String departmentId, String role, BigDecimal amount) {
    }

    void print(PrintStream out, QuarterlyRunRecord run) {
        Map<String, List<Segment>> segments = new LinkedHashMap<>();
        Map<String, BigDecimal> paid = new LinkedHashMap<>();
        for (LedgerReads.SegmentLine l : ledger.segmentLines(run.runId())) {
            segments.computeIfAbsent(l.employeeId(), k -> new ArrayList<>()).add(new Segment(Date.valueOf(l.from()),
                    Date.valueOf(l.to()), l.days(), l.quarterDays(), l.departmentId(), l.role(), l.exactAmount()));
            paid.put(l.employeeId(), l.paid());
        }
        if (segments.isEmpty()) {
            return;
        }
        Period period = Period.parse(run.period());
        out.printf("%nMid-quarter changes (paid per segment, pro rata to its days of %d; sums rounded to cents once)%n",
                period.days());
        for (Map.Entry<String, List<Segment>> e : segments.entrySet()) {
            List<Segment> parts = e.getValue();
            List<String> shown = parts.stream().map(s -> s.departmentId() + " " + s.role() + " " + s.from() + ".." + s.to()
                    + " (" + s.days() + " d)").toList();
            out.printf("  %-8s %-28s %s  paid %,.2f%n", e.getKey(), what(parts, period), String.join(" | ", shown),
                    paid.get(e.getKey()));
        }
    }

    /** In HR's words: joined, left, transfer, promotion, role or pay change (several may apply). */
    private static String what(List<Segment> parts, Period period) {
        List<String> words = new ArrayList<>();
        Segment first = parts.get(0);
        Segment last = parts.get(parts.size() - 1);
        if (first.from().toLocalDate().isAfter(period.firstDay())) {
            words.add("joined " + first.from());
        }
        if (last.to().toLocalDate().isBefore(period.lastDay())) {
            words.add("left " + last.to());
        }
        for (int i = 1; i < parts.size(); i++) {
            Segment before = parts.get(i - 1);
            Segment after = parts.get(i);
            if (!before.departmentId().equals(after.departmentId())) {
                words.add("transfer");
            }
            if (!before.role().equals(after.role())) {
                words.add(ROLE_RANK.indexOf(after.role()) > ROLE_RANK.indexOf(before.role()) ? "promotion" : "role change");
            }
            if (before.departmentId().equals(after.departmentId()) && before.role().equals(after.role())) {
                words.add("pay change");
            }
        }
        return String.join(", ", words);
    }
}
