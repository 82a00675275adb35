package org.promiseledger.web.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;
import java.util.Optional;

import org.promiseledger.ingest.StagedWorkforce;
import org.promiseledger.ledger.LedgerReads;
import org.promiseledger.metrics.ScopeRef;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.scoring.PlanDecision;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds a person's scorecard from what the run booked (payout, payout_line, rule_trail and payout_decision, read
 * through {@link LedgerReads}) and the scopes behind its CX components. What the rules decided (whom the customer gate
 * applies to and whether it closed, the fallbacks, which rule decided a component) comes from the booked decisions:
 * nothing here reads a rule's name or words, so analysts may rename rules and move the gate to another role.
 * Callers decide first whether the viewer may see it ({@link PayVisibility}).
 */
@Component
class ScorecardReader {

    private final StagedWorkforce staged;
    private final LedgerReads ledger;
    private final ScopeCardReader scopes;
    private final CalculatedPeriods periods;

    ScorecardReader(StagedWorkforce staged, LedgerReads ledger, ScopeCardReader scopes, CalculatedPeriods periods) {
        this.staged = staged;
        this.ledger = ledger;
        this.scopes = scopes;
        this.periods = periods;
    }

    Optional<ScorecardView> read(Period period, QuarterlyRunRecord run, String employeeId, Workforce workforce) {
        long runId = run.runId();
        Optional<ScorecardView.Payout> payout = ledger.payout(runId, employeeId).map(p -> new ScorecardView.Payout(p.role(),
                p.baseSalary(), p.targetBonus(), p.score(), p.amount(), p.currency(), p.ruleSetVersion()));
        Optional<Workforce.Member> member = workforce.member(employeeId);
        if (payout.isEmpty() || member.isEmpty()) {
            return Optional.empty();
        }
        Workforce.Member employee = member.get();
        List<TrailLine> trail = ledger.trail(runId, "EMPLOYEE " + employeeId).stream()
                .map(t -> new TrailLine(t.subject(), t.ruleName(), t.decision())).toList();
        List<LedgerReads.Decision> decisions = ledger.decisions(runId, employeeId);
        record Booked(ScorecardView.ComponentLine line, String departmentId, LocalDate to, int days, int quarterDays,
                String role, BigDecimal targetBonus) {
        }
        List<Booked> booked = new ArrayList<>();
        for (LedgerReads.Line l : ledger.lines(runId, employeeId)) {
            LocalDate from = l.segmentFrom();
            String department = from == null ? employee.departmentId() : l.segmentDepartmentId();
            String label = label(l.component(), department, workforce) + (from == null ? "" : ", " + from + " to " + l.segmentTo());
            List<TrailLine> decidedBy = decidedBy(l.component(), from == null ? trail : segmentTrail(trail, from, l.segmentTo()),
                    of(decisions, from));
            booked.add(new Booked(new ScorecardView.ComponentLine(l.seq(), l.component(), label, l.weight(), l.attainment(),
                    l.contribution(), decidedBy, from), department, l.segmentTo(), l.segmentDays(), l.quarterDays(),
                    l.segmentRole(), l.segmentTargetBonus()));
        }
        List<ScorecardView.ComponentLine> components = booked.stream().filter(b -> b.line().segmentFrom() == null)
                .map(Booked::line).toList();
        List<ScorecardView.Segment> segments = new ArrayList<>();
        List<ScorecardView.ComponentLine> segmentLines = new ArrayList<>();
        for (Booked b : booked) {
            if (b.line().segmentFrom() == null) {
                continue;
            }
            if (!b.line().component().equals("SEGMENT")) {
                segmentLines.add(b.line());
                continue;
            }
            List<LedgerReads.Decision> own = of(decisions, b.line().segmentFrom());
            segments.add(new ScorecardView.Segment(b.line().segmentFrom(), b.to(), b.days(), b.quarterDays(),
                    b.departmentId(), workforce.departmentName(b.departmentId()), b.role(), b.targetBonus(), b.line().attainment(),
                    b.line().contribution(), gateClosed(own), capped(own), List.copyOf(segmentLines)));
            segmentLines.clear();
        }
        Long previousRunId = periods.run(period.previous()).map(QuarterlyRunRecord::runId).orElse(null);
        List<ScopeCard> cards = new ArrayList<>();
        java.util.Set<ScopeRef> shown = new java.util.HashSet<>();
        for (Booked b : booked) {
            scopeOf(b.line().component(), b.departmentId()).filter(shown::add)
                    .ifPresent(ref -> cards.add(scopes.read(runId, ref, workforce, previousRunId)));
        }
        List<ScorecardView.AdjustmentLine> adjustments = ledger.adjustments(period.toString(), employeeId).stream()
                .map(a -> new ScorecardView.AdjustmentLine(a.amount(), a.reason(), a.bookedBy(), a.bookedAt())).toList();
        BigDecimal net = adjustments.stream().map(ScorecardView.AdjustmentLine::amount)
                .reduce(payout.get().amount(), BigDecimal::add);
        return Optional.of(new ScorecardView(period, run, employee, workforce.departmentName(employee.departmentId()),
                payout.get(), components, individual(runId, employeeId, of(decisions, null)),
                ScorecardGate.of(decisions, !segments.isEmpty()), cards, trail, adjustments, net, segments));
    }

    /** The decisions about the whole quarter (from null) or about the segment starting on {@code from}. */
    private static List<LedgerReads.Decision> of(List<LedgerReads.Decision> decisions, LocalDate from) {
        return decisions.stream().filter(d -> java.util.Objects.equals(d.segmentFrom(), from)).toList();
    }

    private static boolean gateClosed(List<LedgerReads.Decision> decisions) {
        return decisions.stream().anyMatch(d -> d.kind().equals(PlanDecision.CUSTOMER_GATE) && PlanDecision.CLOSED.equals(d.outcome()));
    }

    private static boolean capped(List<LedgerReads.Decision> decisions) {
        return decisions.stream().anyMatch(d -> d.kind().equals(PlanDecision.CAP) && d.applies());
    }

    private static Optional<ScopeRef> scopeOf(String component, String departmentId) {
        return switch (component) {
            case "COMPANY_CX" -> Optional.of(ScopeRef.COMPANY);
            case "DEPARTMENT_CX" -> Optional.of(ScopeRef.department(departmentId));
            case "SUBTREE_CX" -> Optional.of(ScopeRef.subtree(departmentId));
            default -> Optional.empty();
        };
    }

    /**
     * The trail entries of one segment: the run books them with the segment's dates in front (its own format,
     * {@code SegmentedPayouts}), which is taken off again here.
     */
    private static List<TrailLine> segmentTrail(List<TrailLine> trail, LocalDate from, LocalDate to) {
        String prefix = from + ".." + to + ": ";
        return trail.stream().filter(t -> t.decision().startsWith(prefix))
                .map(t -> new TrailLine(t.subject(), t.ruleName(), t.decision().substring(prefix.length()))).toList();
    }

    private static String label(String component, String departmentId, Workforce workforce) {
        String department = departmentId + " " + workforce.departmentName(departmentId);
        return switch (component) {
            case "COMPANY_CX" -> "Company CX index";
            case "DEPARTMENT_CX" -> "Department CX index (" + department + ")";
            case "SUBTREE_CX" -> "Subtree CX index (" + department + " and below)";
            case "INDIVIDUAL" -> "Individual results (sales and productivity)";
            case "POOL_PRORATION" -> "Pool budget proration";
            case "SEGMENT" -> "Segment amount";
            default -> component;
        };
    }

    /**
     * The trail entries that decided a component: those of the rules the booked decisions name for its attainment (a
     * fallback, the pool proration), in trail order, then the rule that weighed it with the booked contribution. A
     * deciding rule that wrote no trail entry is shown with the booked value.
     */
    private static List<TrailLine> decidedBy(String component, List<TrailLine> trail, List<LedgerReads.Decision> decisions) {
        List<LedgerReads.Decision> deciding = decisions.stream().filter(d -> d.ruleName() != null
                && (component.equals(d.outcome()) && (d.kind().equals(PlanDecision.ATTAINMENT) || d.kind().equals(PlanDecision.FALLBACK))
                        || component.equals("POOL_PRORATION") && d.kind().equals(PlanDecision.PRORATION))).toList();
        java.util.Set<String> rules = new java.util.LinkedHashSet<>();
        deciding.forEach(d -> rules.add(d.ruleName()));
        List<TrailLine> lines = new ArrayList<>(trail.stream().filter(t -> rules.contains(t.ruleName())).toList());
        for (LedgerReads.Decision d : deciding) {
            if (lines.stream().noneMatch(t -> t.ruleName().equals(d.ruleName()))) {
                lines.add(new TrailLine(null, d.ruleName(), d.measure() + " " + Formats.fourPlaces(d.value())));
            }
        }
        decisions.stream().filter(d -> d.ruleName() != null && d.kind().equals(PlanDecision.WEIGHT) && component.equals(d.outcome()))
                .forEach(d -> lines.add(new TrailLine(null, d.ruleName(), component + ": " + d.measure() + " "
                        + Formats.fourPlaces(d.value()))));
        return lines;
    }

    private ScorecardView.Individual individual(long runId, String employeeId, List<LedgerReads.Decision> decisions) {
        Optional<LedgerReads.Decision> fallback = decisions.stream()
                .filter(d -> d.kind().equals(PlanDecision.FALLBACK) && "INDIVIDUAL".equals(d.outcome()) && d.applies()).findFirst();
        return staged.performance(runId, employeeId)
                .map(p -> new ScorecardView.Individual(p.salesAttainmentPct(), p.productivityPct(),
                        "sales " + Formats.fourPlaces(p.salesAttainmentPct()) + " %, productivity "
                                + Formats.fourPlaces(p.productivityPct()) + " %"))
                .orElse(new ScorecardView.Individual(null, null, fallback
                        .map(d -> "no row in performance.csv: " + (d.measure() == null ? "" : d.measure() + " ")
                                + Formats.fourPlaces(d.value()) + " (flagged)")
                        .orElse("no row in performance.csv (flagged)")));
    }
}
