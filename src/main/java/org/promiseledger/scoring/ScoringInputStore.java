package org.promiseledger.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.ingest.StagedWorkforce;
import org.promiseledger.metrics.DepartmentMetricStore;
import org.promiseledger.metrics.OrgChart;
import org.promiseledger.period.Period;
import org.springframework.stereotype.Repository;

/** Reads a run's scoring input back from what the run stored: scoring never looks at the input files. */
@Repository
public class ScoringInputStore {

    private final StagedWorkforce staged;
    private final DepartmentMetricStore metrics;

    ScoringInputStore(StagedWorkforce staged, DepartmentMetricStore metrics) {
        this.staged = staged;
        this.metrics = metrics;
    }

    /** The run's scoring input; period is the run's quarter (employees' segments are clipped to it). */
    public ScoringInput load(long runId, Period period) {
        Map<String, String> parents = new HashMap<>();
        staged.departments(runId).forEach(d -> parents.put(d.departmentId(), d.parentId()));
        Map<String, String> owners = staged.touchpointOwners(runId);
        List<Target> targets = new ArrayList<>();
        staged.targets(runId).forEach(t -> targets.add(new Target(t.metric(), t.scope(), t.threshold(), t.target(), t.stretch())));
        Map<String, List<Row>> rowsByEmployee = new LinkedHashMap<>();
        for (StagedWorkforce.EmployeeSegment e : staged.employeeSegments(runId)) {
            Row row = new Row(e.employeeId(), e.role(), e.departmentId(), e.baseSalary().stripTrailingZeros(),
                    e.targetBonusPct().stripTrailingZeros(), strip(e.salesAttainmentPct()), strip(e.productivityPct()),
                    e.validFrom(), e.validTo());
            rowsByEmployee.computeIfAbsent(row.employeeId(), k -> new ArrayList<>()).add(row);
        }
        List<Employee> employees = new ArrayList<>();
        Map<String, Segment> segments = new HashMap<>();
        for (List<Row> rows : rowsByEmployee.values()) {
            Row only = rows.get(0);
            if (rows.size() == 1 && only.coversWholeQuarter(period)) {
                employees.add(only.fact(only.employeeId(), only.salary().multiply(only.pct()).movePointLeft(2)));
                continue;
            }
            for (Row row : rows) {
                Segment segment = row.segment(period);
                BigDecimal targetBonus = row.salary().multiply(row.pct()).movePointLeft(2)
                        .multiply(BigDecimal.valueOf(segment.days()), PlanMath.MATH)
                        .divide(BigDecimal.valueOf(segment.quarterDays()), PlanMath.MATH);
                employees.add(row.fact(segment.key(), targetBonus));
                segments.put(segment.key(), segment);
            }
        }
        return new ScoringInput(metrics.metricsOf(runId), metrics.momentOfTruthChecksOf(runId), targets, owners,
                new OrgChart(parents), employees, segments);
    }

    /** One accepted employees.csv row; null dates are open. */
    private record Row(String employeeId, String role, String departmentId, BigDecimal salary, BigDecimal pct,
            BigDecimal salesPct, BigDecimal productivityPct, LocalDate validFrom, LocalDate validTo) {

        boolean coversWholeQuarter(Period period) {
            return (validFrom == null || !validFrom.isAfter(period.firstDay()))
                    && (validTo == null || !validTo.isBefore(period.lastDay()));
        }

        /** The row clipped to the quarter: ingest accepts only rows that meet it, so the clip is never empty. */
        Segment segment(Period period) {
            LocalDate from = validFrom == null || validFrom.isBefore(period.firstDay()) ? period.firstDay() : validFrom;
            LocalDate to = validTo == null || validTo.isAfter(period.lastDay()) ? period.lastDay() : validTo;
            int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
            return new Segment(Segment.keyOf(employeeId, from, to), employeeId, from, to, days, period.days());
        }

        Employee fact(String id, BigDecimal targetBonus) {
            return new Employee(id, role, departmentId, salary, targetBonus, salesPct, productivityPct);
        }
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
