package org.promiseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promiseledger.ingest.RowValidatorTests.KNOWN;
import static org.promiseledger.ingest.RowValidatorTests.Q3;
import static org.promiseledger.ingest.RowValidatorTests.accepted;
import static org.promiseledger.ingest.RowValidatorTests.outcomes;
import static org.promiseledger.ingest.RowValidatorTests.record;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * employees.csv with the optional valid_from,valid_to columns (README, "Employees who change during the quarter"): ISO dates, inclusive,
 * empty = open. A reversed range is OUT_OF_RANGE on valid_to, a range overlapping an earlier accepted row of the
 * same employee is DUPLICATE_ID, a range missing 2026-Q3 (07-01..09-30) is OUT_OF_PERIOD, in the fixed fault order.
 */
class EmployeeHistoryValidationTests {

    static final String ROW = "E9,Zed,D1,STAFF,1000,10,E1,";

    static RowValidator withDates() {
        return new RowValidator(InputFile.EMPLOYEES, InputFile.EMPLOYEES.header(), KNOWN, Q3, ZoneOffset.UTC);
    }

    static List<String> rows(String... rows) {
        return outcomes(withDates(), rows);
    }

    @Test
    void stagesTheDatesOfARowAndLeavesOpenEndsEmpty() {
        RowOutcome outcome = withDates().validate(record(ROW + "2026-08-15,"), 2);

        assertThat(Arrays.asList(accepted(outcome).values()).subList(7, 9)).containsExactly(LocalDate.of(2026, 8, 15), null);
    }

    @Test
    void acceptsRowsThatMeetTheQuarterOnItsFirstOrLastDay() {
        assertThat(rows(ROW + ",2026-07-01", "E8,Zed,D1,STAFF,1000,10,E1,2026-09-30,", "E7,Zed,D1,STAFF,1000,10,E1,,"))
                .containsExactly("accepted", "accepted", "accepted");
    }

    @ParameterizedTest(name = "{0}..{1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2025-01-01 | 2026-06-30 | valid_to
            -          | 2026-06-30 | valid_to
            2026-10-01 | -          | valid_from
            2026-10-01 | 2027-03-31 | valid_from
            """)
    void rejectsARangeMissingTheQuarterAsOutOfPeriod(String from, String to, String column) {
        String row = ROW + (from == null ? "" : from) + "," + (to == null ? "" : to);
        assertThat(rows(row)).containsExactly("2," + column + ",OUT_OF_PERIOD");
    }

    @Test
    void rejectsValidToBeforeValidFromAsOutOfRangeOnValidTo() {
        assertThat(rows(ROW + "2026-08-15,2026-08-14", ROW + "2026-08-15,2026-08-15"))
                .containsExactly("2,valid_to,OUT_OF_RANGE", "accepted");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            15.08.2026,         | valid_from
            2026-8-15,          | valid_from
            2026-02-30,         | valid_from
            2026-08-15T00:00Z,  | valid_from
            ,2026-13-01         | valid_to
            ,yesterday          | valid_to
            """)
    void rejectsADateThatIsNotAnIsoCalendarDateAsUnparseable(String dates, String column) {
        assertThat(rows(ROW + dates)).containsExactly("2," + column + ",UNPARSEABLE");
    }

    @Test
    void rejectsAYearNoDatabaseStoresAsOutOfRange() {
        assertThat(rows(ROW + "0999-12-31,")).containsExactly("2,valid_from,OUT_OF_RANGE");
    }

    @Test
    void rejectsARowOverlappingAnEarlierAcceptedRowOfTheSameEmployeeAsDuplicate() {
        assertThat(rows(
                ROW + ",2026-08-15",
                ROW + "2026-08-16,2026-08-31",
                ROW + "2026-08-31,",       // shares 08-31 with the row before (dates are inclusive)
                ROW + "2026-09-01,",
                ROW + "2026-09-15,2026-09-20"))
                .containsExactly("accepted", "accepted", "4,employee_id,DUPLICATE_ID", "accepted", "6,employee_id,DUPLICATE_ID");
    }

    @Test
    void aRowOutsideTheQuarterThatOverlapsAnAcceptedRowIsADuplicateBeforeItIsOutOfPeriod() {
        assertThat(rows(ROW + "2026-01-01,", ROW + "2026-02-01,2026-03-31"))
                .containsExactly("accepted", "3,employee_id,DUPLICATE_ID");
    }

    @Test
    void onlyAcceptedRowsClaimTheirDates() {
        assertThat(rows(
                ROW + "2026-01-01,2026-06-30",          // out of period: claims nothing
                ROW + "2026-03-01,2026-07-31",          // overlaps only the out-of-period row
                "E9,Zed,D7,STAFF,1000,10,E1,2026-08-01,", // unknown department: claims nothing
                ROW + "2026-08-01,"))
                .containsExactly("2,valid_to,OUT_OF_PERIOD", "accepted", "4,department_id,UNKNOWN_REFERENCE", "accepted");
    }

    @Test
    void fieldFaultsComeLeftToRightBeforeReferencesDuplicatesAndThePeriod() {
        assertThat(rows(
                ROW + "2026-07-01,",
                "E9,Zed,D7,STAFF,1000,10,E1,2026-07-01,x",   // unknown department, overlap, bad valid_to
                "E9,Zed,D7,STAFF,1000,10,E1,2026-07-05,2026-07-04", // unknown department, reversed range
                "E9,Zed,D7,STAFF,1000,10,E1,2026-07-05,",    // unknown department, overlap
                "E9,Zed,D1,STAFF,1000,10,E1,2025-01-01,2025-12-31")) // out of the quarter, no overlap
                .containsExactly("accepted", "3,valid_to,UNPARSEABLE", "4,valid_to,OUT_OF_RANGE",
                        "5,department_id,UNKNOWN_REFERENCE", "6,valid_to,OUT_OF_PERIOD");
    }

    @Test
    void aHeaderWithoutTheDatesMakesEveryRowCoverTheQuarterAsBefore() {
        assertThat(outcomes(InputFile.EMPLOYEES, "E9,Zed,D1,STAFF,1000,10,E1", "E9,Zed,D2,STAFF,1000,10,E1"))
                .containsExactly("accepted", "3,employee_id,DUPLICATE_ID");
    }

    @Test
    void aHeaderWithOnlyValidToLeavesEveryStartOpen() {
        RowValidator validator = new RowValidator(InputFile.EMPLOYEES, List.of("employee_id", "name", "department_id", "role",
                "base_salary", "target_bonus_pct", "manager_id", "valid_to"), KNOWN, Q3, ZoneOffset.UTC);

        assertThat(outcomes(validator, ROW + "2026-06-30", ROW + "2026-07-31", ROW + ""))
                .containsExactly("2,valid_to,OUT_OF_PERIOD", "accepted", "4,employee_id,DUPLICATE_ID");
    }
}
