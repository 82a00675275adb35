package org.promiseledger.web.internal;

import org.promiseledger.web.AppRole;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunOutcome;
import org.promiseledger.runs.RunRegistry;

/**
 * Four real quarters of the small company (src/test/resources/jobs/small) in the test database, so pages have a
 * trend to draw: 2026-Q3 is the hand-worked input itself; each earlier quarter is the same input moved back 3, 6
 * and 9 months, with fewer survey answers and lower individual results, so its figures differ. Runs are launched by
 * hr.alice, so another HR login can approve them (four eyes). Logins for every role are created with password
 * {@link #PASSWORD}.
 */
final class SmallCompanyQuarters {

    static final Period Q3 = Period.parse("2026-Q3");
    static final List<Period> QUARTERS = List.of(Period.parse("2025-Q4"), Period.parse("2026-Q1"), Period.parse("2026-Q2"), Q3);
    static final String LAUNCHED_BY = "hr.alice";
    static final String PASSWORD = "pw-for-tests";
    static final Path SMALL = Path.of("src/test/resources/jobs/small/input");

    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})");

    private SmallCompanyQuarters() {
    }

    /** Runs the four quarters and creates the logins, once per test database. */
    static void ensureLoaded(QuarterlyRunner runner, RunRegistry registry, AppUsers users) {
        if (registry.latestCalculated(Q3).isPresent()) {
            return;
        }
        for (Period quarter : QUARTERS) {
            int monthsBack = (Q3.year() * 4 + Q3.quarter() - quarter.year() * 4 - quarter.quarter()) * 3;
            RunOutcome outcome = runner.run(quarter, monthsBack == 0 ? SMALL : movedBack(monthsBack), Path.of("rules"), LAUNCHED_BY);
            assertThat(outcome.exitCode()).as(quarter + ": " + String.join("\n", outcome.messages())).isZero();
        }
        users.save("ben", PASSWORD, AppRole.EXECUTIVE, "E2");      // EXECUTIVE of D2 (and D10 below it)
        users.save("eve", PASSWORD, AppRole.EMPLOYEE, "E5");       // MANAGER of E7 and E8 in D10
        users.save("gus", PASSWORD, AppRole.EMPLOYEE, "E7");       // STAFF in D10
        users.save("hana", PASSWORD, AppRole.HR, "E11");           // HR, paid as STAFF of D4
        users.save(LAUNCHED_BY, PASSWORD, AppRole.HR, null);       // HR, launched every run
        users.save("olga", PASSWORD, AppRole.AUDITOR, null);
        users.save("ana", PASSWORD, AppRole.ANALYST, "E10");       // ANALYST, paid as STAFF of D3
    }

    private static Path movedBack(int months) {
        try {
            Path dir = Files.createTempDirectory("small-" + months + "-months-back");
            dir.toFile().deleteOnExit();
            try (var files = Files.list(SMALL)) {
                for (Path file : files.toList()) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    List<String> moved = new ArrayList<>();
                    for (int i = 0; i < lines.size(); i++) {
                        String line = shift(lines.get(i), months);
                        String name = file.getFileName().toString();
                        if (i > 0 && name.equals("surveys.csv") && i % (months / 3 + 4) == 0) {
                            continue; // fewer answers: every (k+4)-th survey row is left out
                        }
                        moved.add(i > 0 && name.equals("performance.csv") ? lowerResults(line, months) : line);
                    }
                    Path target = dir.resolve(file.getFileName());
                    Files.write(target, moved, StandardCharsets.UTF_8);
                    target.toFile().deleteOnExit();
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same wall-clock time and offset, months earlier: a row's place relative to the quarter edges is kept. */
    private static String shift(String line, int months) {
        Matcher m = TIMESTAMP.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, OffsetDateTime.parse(m.group()).minusMonths(months).toString());
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String lowerResults(String line, int months) {
        String[] f = line.split(",", -1);
        BigDecimal factor = BigDecimal.ONE.subtract(BigDecimal.valueOf(months, 2).multiply(BigDecimal.valueOf(2)));
        return f[0] + "," + new BigDecimal(f[1]).multiply(factor).stripTrailingZeros().toPlainString() + ","
                + new BigDecimal(f[2]).multiply(factor).stripTrailingZeros().toPlainString();
    }
}
