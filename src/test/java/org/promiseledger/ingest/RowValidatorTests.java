package org.promiseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.promiseledger.period.Period;

/**
 * docs/data-contract.md "Precise semantics" for one record at a time: the reject reasons, their order (fields left to right,
 * then references, then duplicates, then the period), which rows claim their id, and the period's edges.
 * Outcomes are compared as {@code line,column,reason} (or {@code accepted}); data rows start at line 2.
 */
class RowValidatorTests {

    static final Period Q3 = Period.parse("2026-Q3");

    static final Map<InputFile, Set<String>> KNOWN = Map.of(
            InputFile.DEPARTMENTS, Set.of("D1", "D2", "D3"),
            InputFile.EMPLOYEES, Set.of("E1", "E2"),
            InputFile.TOUCHPOINTS, Set.of("T1", "T2"));

    static final String IN_Q3 = "2026-08-01T10:00:00Z";

    // ---------------------------------------------------------------- MISSING_VALUE

    @Test
    void rejectsSurveyWithAllThreeScoresEmptyAsMissingNps() {
        assertThat(outcomes(InputFile.SURVEYS, "R1,C1,T1," + IN_Q3 + ",,,", "R2,C1,T1," + IN_Q3 + ", , ,  "))
                .containsExactly("2,nps,MISSING_VALUE", "3,nps,MISSING_VALUE");
    }

    @Test
    void acceptsSurveyAnsweringAnyOneOfItsThreeScores() {
        assertThat(outcomes(InputFile.SURVEYS,
                "R1,C1,T1," + IN_Q3 + ",9,,",
                "R2,C1,T1," + IN_Q3 + ",,4,",
                "R3,C1,T1," + IN_Q3 + ",,,2"))
                .containsExactly("accepted", "accepted", "accepted");
    }

    @ParameterizedTest(name = "{0}: empty {2}")
    @CsvSource(delimiter = '|', textBlock = """
            DEPARTMENTS      | D9,,D1                                  | name
            EMPLOYEES        | E9,Zed,D1,STAFF,,10,E1                  | base_salary
            EMPLOYEES        | E9,Zed,D1,STAFF,1000,,E1                | target_bonus_pct
            TOUCHPOINTS      | T9,Desk,BRANCH,D1,                      | moment_of_truth
            TARGETS          | NPS,COMPANY,0,20,                       | stretch
            CUSTOMERS        | C1,true,,false                          | active_at_end
            SURVEYS          | R1,,T1,2026-08-01T10:00:00Z,9,4,2       | customer_id
            SURVEYS          | R1,C1,T1,,9,4,2                         | responded_at
            CONTACTS         | K1,C1,T1,2026-08-01T10:00:00Z,          | first_contact_resolved
            COMPLAINTS       | Q1,C1,,2026-08-01T10:00:00Z,2,true      | touchpoint_id
            COMPLAINTS       | Q1,C1,T1,2026-08-01T10:00:00Z,,true     | severity
            CHURN            | C1,2026-08-01T10:00:00Z,                | last_touchpoint_id
            INTERNAL_SURVEYS | I1,D1,D2,2026-08-01T10:00:00Z,          | score
            PERFORMANCE      | E1,100,                                 | productivity_pct
            """)
    void rejectsEmptyRequiredFieldAsMissingValue(InputFile file, String row, String column) {
        assertThat(outcomes(file, row)).containsExactly("2," + column + ",MISSING_VALUE");
    }

    @Test
    void treatsAFieldOfSpacesAsEmpty() {
        assertThat(outcomes(InputFile.CONTACTS, "K1,   ,T1," + IN_Q3 + ",true")).containsExactly("2,customer_id,MISSING_VALUE");
    }

    @Test
    void allowsAnEmptyParentOrManager() {
        assertThat(outcomes(InputFile.DEPARTMENTS, "D9,Top,")).containsExactly("accepted");
        assertThat(outcomes(InputFile.EMPLOYEES, "E9,Zed,D1,EXECUTIVE,1000,10,")).containsExactly("accepted");
    }

    // ---------------------------------------------------------------- UNPARSEABLE

    @ParameterizedTest(name = "{0}: {2} = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            SURVEYS          | R1,C1,T1,2026-08-01T10:00:00Z,7.5,4,2  | nps      | 7.5
            SURVEYS          | R1,C1,T1,2026-08-01T10:00:00Z,9,4.0,2  | csat     | 4.0
            SURVEYS          | R1,C1,T1,2026-08-01T10:00:00Z,9,4,2.   | effort   | 2.
            COMPLAINTS       | Q1,C1,T1,2026-08-01T10:00:00Z,1.5,true | severity | 1.5
            INTERNAL_SURVEYS | I1,D1,D2,2026-08-01T10:00:00Z,3.0      | score    | 3.0
            """)
    void rejectsScoreWithDecimalPointAsUnparseable(InputFile file, String row, String column, String value) {
        RowOutcome.Rejected reject = rejected(file, row);

        assertThat(describe(reject)).isEqualTo("2," + column + ",UNPARSEABLE");
        assertThat(reject.value()).isEqualTo(value);
    }

    @Test
    void rejectsScoreThatIsNotANumberAsUnparseable() {
        assertThat(outcomes(InputFile.SURVEYS, "R1,C1,T1," + IN_Q3 + ",ten,4,2", "R2,C1,T1," + IN_Q3 + ",9,4,1e0"))
                .containsExactly("2,nps,UNPARSEABLE", "3,effort,UNPARSEABLE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-08-01T10:00:00
            2026-08-01
            2026-08-01 10:00:00Z
            01/08/2026 10:00 +02:00
            1785571200
            """)
    void rejectsTimestampWithoutOffsetAsUnparseable(String timestamp) {
        RowOutcome.Rejected reject = rejected(InputFile.SURVEYS, "R1,C1,T1," + timestamp + ",9,4,2");

        assertThat(describe(reject)).isEqualTo("2,responded_at,UNPARSEABLE");
        assertThat(reject.value()).isEqualTo(timestamp);
    }

    @Test
    void rejectsTimestampWithoutOffsetInEveryEventFile() {
        String local = "2026-08-01T10:00:00";
        assertThat(outcomes(InputFile.CONTACTS, "K1,C1,T1," + local + ",true")).containsExactly("2,opened_at,UNPARSEABLE");
        assertThat(outcomes(InputFile.COMPLAINTS, "Q1,C1,T1," + local + ",1,true")).containsExactly("2,raised_at,UNPARSEABLE");
        assertThat(outcomes(InputFile.CHURN, "C1," + local + ",T1")).containsExactly("2,churned_at,UNPARSEABLE");
        assertThat(outcomes(InputFile.INTERNAL_SURVEYS, "I1,D1,D2," + local + ",4")).containsExactly("2,responded_at,UNPARSEABLE");
    }

    @Test
    void rejectsBooleanOtherThanTrueOrFalseAsUnparseable() {
        assertThat(outcomes(InputFile.CONTACTS,
                "K1,C1,T1," + IN_Q3 + ",yes",
                "K2,C1,T1," + IN_Q3 + ",1",
                "K3,C1,T1," + IN_Q3 + ",t"))
                .containsExactly("2,first_contact_resolved,UNPARSEABLE", "3,first_contact_resolved,UNPARSEABLE",
                        "4,first_contact_resolved,UNPARSEABLE");
        assertThat(outcomes(InputFile.TOUCHPOINTS, "T9,Desk,BRANCH,D1,Y")).containsExactly("2,moment_of_truth,UNPARSEABLE");
        assertThat(outcomes(InputFile.CUSTOMERS, "C1,true,false,no")).containsExactly("2,acquired_in_period,UNPARSEABLE");
    }

    @Test
    void rejectsDecimalThatIsNotPlainAsUnparseable() {
        assertThat(outcomes(InputFile.EMPLOYEES,
                "E5,Zed,D1,STAFF,1e5,10,E1",
                "E6,Zed,D1,STAFF,\"250,000.00\",10,E1",
                "E7,Zed,D1,STAFF,EUR 100,10,E1",
                "E8,Zed,D1,STAFF,1000,12%,E1"))
                .containsExactly("2,base_salary,UNPARSEABLE", "3,base_salary,UNPARSEABLE", "4,base_salary,UNPARSEABLE",
                        "5,target_bonus_pct,UNPARSEABLE");
        assertThat(outcomes(InputFile.TARGETS, "NPS,COMPANY,zero,20,40")).containsExactly("2,threshold,UNPARSEABLE");
    }

    @Test
    void rejectsRecordWithWrongFieldCountAsUnparseableWithEmptyColumn() {
        List<RowOutcome> outcomes = validateAll(validator(InputFile.SURVEYS),
                "R1,C1,T1," + IN_Q3 + ",9,4",
                "R2,C1,T1," + IN_Q3 + ",9,4,2,",
                "R3,C1,T1," + IN_Q3 + ",9,4,2");

        assertThat(outcomes.stream().map(RowValidatorTests::describe))
                .containsExactly("2,,UNPARSEABLE", "3,,UNPARSEABLE", "accepted");
        assertThat(((RowOutcome.Rejected) outcomes.get(0)).value()).isEqualTo("R1,C1,T1," + IN_Q3 + ",9,4");
    }

    @Test
    void wrongFieldCountWinsOverEveryFieldFault() {
        assertThat(outcomes(InputFile.SURVEYS, ",C1,T9,yesterday,11")).containsExactly("2,,UNPARSEABLE");
    }

    // ---------------------------------------------------------------- OUT_OF_RANGE

    @Test
    void rejectsSurveyWithNpsAboveTenAsOutOfRange() {
        RowOutcome.Rejected reject = rejected(InputFile.SURVEYS, "R1,C1,T1," + IN_Q3 + ",11,4,2");

        assertThat(describe(reject)).isEqualTo("2,nps,OUT_OF_RANGE");
        assertThat(reject.value()).isEqualTo("11");
    }

    @Test
    void anIdOfEmojiTooLongInUtf16UnitsSaysWhyAndItsShownValueKeepsWholeCharacters() {
        String id = "\uD83D\uDE00".repeat(99) + "A"; // 100 characters, 199 UTF-16 units: over the 100 an id may take
        RowOutcome.Rejected reject = rejected(InputFile.SURVEYS, id + ",C1,T1," + IN_Q3 + ",9,4,2");

        assertThat(describe(reject)).isEqualTo("2,response_id,OUT_OF_RANGE");
        assertThat(reject.detail()).isEqualTo("longer than 100 characters (a character beyond U+FFFF, such as an emoji, counts as two)");
        String shown = "\uD83D\uDE00".repeat(150) + "B";
        RowOutcome.Rejected longer = rejected(InputFile.SURVEYS, shown + ",C1,T1," + IN_Q3 + ",9,4,2");
        assertThat(longer.detail()).isEqualTo("longer than 100 characters");
        assertThat(longer.value()).endsWith("\uD83D\uDE00...").hasSize(196 + 3);
    }

    @ParameterizedTest(name = "{0}: {2} = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            SURVEYS          | R1,C1,T1,2026-08-01T10:00:00Z,-1,4,2   | nps      | -1
            SURVEYS          | R1,C1,T1,2026-08-01T10:00:00Z,9,0,2    | csat     | 0
            SURVEYS          | R1,C1,T1,2026-08-01T10:00:00Z,9,6,2    | csat     | 6
            SURVEYS          | R1,C1,T1,2026-08-01T10:00:00Z,9,4,0    | effort   | 0
            SURVEYS          | R1,C1,T1,2026-08-01T10:00:00Z,9,4,8    | effort   | 8
            COMPLAINTS       | Q1,C1,T1,2026-08-01T10:00:00Z,0,true   | severity | 0
            COMPLAINTS       | Q1,C1,T1,2026-08-01T10:00:00Z,4,true   | severity | 4
            INTERNAL_SURVEYS | I1,D1,D2,2026-08-01T10:00:00Z,0        | score    | 0
            INTERNAL_SURVEYS | I1,D1,D2,2026-08-01T10:00:00Z,6        | score    | 6
            """)
    void rejectsScoreOutsideItsScaleAsOutOfRange(InputFile file, String row, String column, String value) {
        RowOutcome.Rejected reject = rejected(file, row);

        assertThat(describe(reject)).isEqualTo("2," + column + ",OUT_OF_RANGE");
        assertThat(reject.value()).isEqualTo(value);
    }

    @Test
    void acceptsScoresAtBothEndsOfTheirScales() {
        assertThat(outcomes(InputFile.SURVEYS, "R1,C1,T1," + IN_Q3 + ",0,1,1", "R2,C1,T1," + IN_Q3 + ",10,5,7"))
                .containsExactly("accepted", "accepted");
        assertThat(outcomes(InputFile.COMPLAINTS, "Q1,C1,T1," + IN_Q3 + ",1,true", "Q2,C1,T1," + IN_Q3 + ",3,false"))
                .containsExactly("accepted", "accepted");
        assertThat(outcomes(InputFile.INTERNAL_SURVEYS, "I1,D1,D2," + IN_Q3 + ",1", "I2,D1,D2," + IN_Q3 + ",5"))
                .containsExactly("accepted", "accepted");
    }

    @Test
    void rejectsLowercaseRoleAsOutOfRange() {
        assertThat(outcomes(InputFile.EMPLOYEES,
                "E5,Zed,D1,staff,1000,10,E1",
                "E6,Zed,D1,Manager,1000,10,E1",
                "E7,Zed,D1,DIRECTOR,1000,10,E1",
                "E8,Zed,D1,STAFF,1000,10,E1"))
                .containsExactly("2,role,OUT_OF_RANGE", "3,role,OUT_OF_RANGE", "4,role,OUT_OF_RANGE", "accepted");
    }

    @Test
    void rejectsLowercaseOrUnknownChannelAsOutOfRange() {
        assertThat(outcomes(InputFile.TOUCHPOINTS,
                "T7,Site,web,D1,false",
                "T8,Fax,FAX,D1,false",
                "T9,Site,WEB,D1,false"))
                .containsExactly("2,channel,OUT_OF_RANGE", "3,channel,OUT_OF_RANGE", "accepted");
    }

    @Test
    void rejectsLowercaseOrUnknownMetricAsOutOfRange() {
        assertThat(outcomes(InputFile.TARGETS,
                "nps,COMPANY,0,20,40",
                "SALES,COMPANY,0,20,40",
                "NPS,COMPANY,0,20,40"))
                .containsExactly("2,metric,OUT_OF_RANGE", "3,metric,OUT_OF_RANGE", "accepted");
    }

    @Test
    void rejectsNegativeSalaryAsOutOfRange() {
        RowOutcome.Rejected reject = rejected(InputFile.EMPLOYEES, "E5,Zed,D1,STAFF,-0.01,10,E1");

        assertThat(describe(reject)).isEqualTo("2,base_salary,OUT_OF_RANGE");
        assertThat(reject.value()).isEqualTo("-0.01");
    }

    @Test
    void rejectsNegativePercentagesAsOutOfRange() {
        assertThat(outcomes(InputFile.EMPLOYEES, "E5,Zed,D1,STAFF,1000,-5,E1")).containsExactly("2,target_bonus_pct,OUT_OF_RANGE");
        assertThat(outcomes(InputFile.PERFORMANCE, "E1,-1,100", "E2,100,-0.5"))
                .containsExactly("2,sales_attainment_pct,OUT_OF_RANGE", "3,productivity_pct,OUT_OF_RANGE");
    }

    @Test
    void boundsSalaryAtOneBillionAndTargetBonusPctAtOneThousandSoThatEveryAcceptedValueCanBePaid() {
        assertThat(outcomes(InputFile.EMPLOYEES,
                "E5,Zed,D1,STAFF,1000000000,1000,E1",
                "E6,Zed,D1,STAFF,1000000000.00000001,10,E1",
                "E7,Zed,D1,STAFF,123456789012345,50000,E1",
                "E8,Zed,D1,STAFF,1000,1000.00000001,E1"))
                .containsExactly("accepted", "3,base_salary,OUT_OF_RANGE", "4,base_salary,OUT_OF_RANGE",
                        "5,target_bonus_pct,OUT_OF_RANGE");
    }

    @Test
    void rejectsDecimalsWithMoreDigitsThanTheirColumnHoldsInEveryFile() {
        assertThat(outcomes(InputFile.PERFORMANCE, "E1,1234567890123456,100", "E2,100,0.123456789"))
                .containsExactly("2,sales_attainment_pct,OUT_OF_RANGE", "3,productivity_pct,OUT_OF_RANGE");
        assertThat(outcomes(InputFile.TARGETS, "NPS,COMPANY,-1234567890123456,20,40"))
                .containsExactly("2,threshold,OUT_OF_RANGE");
    }

    @Test
    void acceptsZeroSalaryAndPercentages() {
        assertThat(outcomes(InputFile.EMPLOYEES, "E5,Zed,D1,STAFF,0,0,E1")).containsExactly("accepted");
        assertThat(outcomes(InputFile.PERFORMANCE, "E1,0,0.0")).containsExactly("accepted");
    }

    @Test
    void rejectsInternalSurveyRatingOwnDepartmentAsOutOfRange() {
        RowOutcome.Rejected reject = rejected(InputFile.INTERNAL_SURVEYS, "I1,D2,D2," + IN_Q3 + ",4");

        assertThat(describe(reject)).isEqualTo("2,respondent_department_id,OUT_OF_RANGE");
        assertThat(reject.value()).isEqualTo("D2");
    }

    @Test
    void rejectsTargetsNotStrictlyOrderedInTheMetricsDirection() {
        // higher is better: threshold < target < stretch
        assertThat(outcomes(InputFile.TARGETS,
                "NPS,COMPANY,0,20,40",
                "CSAT,COMPANY,60,60,90",
                "FCR,COMPANY,60,70,70",
                "RETENTION,COMPANY,96,88,80",
                "CONSISTENCY,COMPANY,70,80,75"))
                .containsExactly("accepted", "3,target,OUT_OF_RANGE", "4,stretch,OUT_OF_RANGE", "5,target,OUT_OF_RANGE",
                        "6,stretch,OUT_OF_RANGE");
        // lower is better: threshold > target > stretch
        assertThat(outcomes(InputFile.TARGETS,
                "CES,COMPANY,4,3,2",
                "COMPLAINT_RATE,COMPANY,50,100,200",
                "CES,D1,4,4,2",
                "COMPLAINT_RATE,D1,200,100,100",
                "CES,D2,4,3,3.5"))
                .containsExactly("accepted", "3,target,OUT_OF_RANGE", "4,target,OUT_OF_RANGE", "5,stretch,OUT_OF_RANGE",
                        "6,stretch,OUT_OF_RANGE");
    }

    @Test
    void acceptsNegativeTargetValues() {
        assertThat(outcomes(InputFile.TARGETS, "NPS,D3,-10,10,30", "NPS,D2,-30,-20,-10.5")).containsExactly("accepted", "accepted");
    }

    // ---------------------------------------------------------------- UNKNOWN_REFERENCE

    @Test
    void rejectsUnknownTouchpointAsUnknownReference() {
        RowOutcome.Rejected reject = rejected(InputFile.SURVEYS, "R1,C1,T9," + IN_Q3 + ",9,4,2");

        assertThat(describe(reject)).isEqualTo("2,touchpoint_id,UNKNOWN_REFERENCE");
        assertThat(reject.value()).isEqualTo("T9");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            DEPARTMENTS      | D9,Lab,D7                                | parent_id
            EMPLOYEES        | E9,Zed,D7,STAFF,1000,10,E1               | department_id
            EMPLOYEES        | E9,Zed,D1,STAFF,1000,10,E7               | manager_id
            TOUCHPOINTS      | T9,Desk,BRANCH,D7,false                  | owner_department_id
            TARGETS          | NPS,D7,0,20,40                           | scope
            CONTACTS         | K1,C1,T7,2026-08-01T10:00:00Z,true       | touchpoint_id
            COMPLAINTS       | Q1,C1,T7,2026-08-01T10:00:00Z,2,true     | touchpoint_id
            CHURN            | C1,2026-08-01T10:00:00Z,T7               | last_touchpoint_id
            INTERNAL_SURVEYS | I1,D7,D2,2026-08-01T10:00:00Z,4          | provider_department_id
            INTERNAL_SURVEYS | I1,D1,D7,2026-08-01T10:00:00Z,4          | respondent_department_id
            INTERNAL_SURVEYS | I1,D7,D8,2026-08-01T10:00:00Z,4          | provider_department_id
            PERFORMANCE      | E7,100,100                               | employee_id
            """)
    void rejectsIdNotInItsFileAsUnknownReference(InputFile file, String row, String column) {
        assertThat(outcomes(file, row)).containsExactly("2," + column + ",UNKNOWN_REFERENCE");
    }

    @Test
    void acceptsCompanyAsATargetScope() {
        assertThat(outcomes(InputFile.TARGETS, "NPS,COMPANY,0,20,40", "NPS,D1,0,20,40")).containsExactly("accepted", "accepted");
    }

    @Test
    void doesNotCheckCustomersAgainstTheCustomersFile() {
        assertThat(outcomes(InputFile.SURVEYS, "R1,NOBODY,T1," + IN_Q3 + ",9,4,2")).containsExactly("accepted");
        assertThat(outcomes(InputFile.CHURN, "NOBODY," + IN_Q3 + ",T1")).containsExactly("accepted");
    }

    // ---------------------------------------------------------------- DUPLICATE_ID

    @Test
    void keepsFirstOccurrenceAndRejectsLaterDuplicate() {
        List<RowOutcome> outcomes = validateAll(validator(InputFile.SURVEYS),
                "R1,C1,T1," + IN_Q3 + ",9,4,2",
                "R2,C1,T1," + IN_Q3 + ",9,4,2",
                "R1,C2,T2," + IN_Q3 + ",3,,",
                "R1,C1,T1," + IN_Q3 + ",9,4,2");

        assertThat(outcomes.stream().map(RowValidatorTests::describe))
                .containsExactly("accepted", "accepted", "4,response_id,DUPLICATE_ID", "5,response_id,DUPLICATE_ID");
        assertThat(((RowOutcome.Rejected) outcomes.get(2)).value()).isEqualTo("R1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DEPARTMENTS      | D1,One,                                  | D1,Other,                                 | department_id
            EMPLOYEES        | E1,Ada,D1,STAFF,1000,10,                 | E1,Ben,D2,MANAGER,2000,10,                | employee_id
            TOUCHPOINTS      | T1,Desk,BRANCH,D1,false                  | T1,Web,WEB,D2,true                        | touchpoint_id
            CUSTOMERS        | C1,true,true,false                       | C1,false,true,true                        | customer_id
            CONTACTS         | K1,C1,T1,2026-08-01T10:00:00Z,true       | K1,C2,T2,2026-08-02T10:00:00Z,false       | contact_id
            COMPLAINTS       | Q1,C1,T1,2026-08-01T10:00:00Z,2,true     | Q1,C2,T2,2026-08-02T10:00:00Z,3,false     | complaint_id
            INTERNAL_SURVEYS | I1,D1,D2,2026-08-01T10:00:00Z,4          | I1,D2,D3,2026-08-02T10:00:00Z,5           | response_id
            PERFORMANCE      | E1,100,100                               | E1,90,80                                  | employee_id
            """)
    void rejectsRepeatedFirstColumnAsDuplicateInEveryFileWithUniqueIds(InputFile file, String first, String repeat,
            String column) {
        assertThat(outcomes(file, first, repeat)).containsExactly("accepted", "3," + column + ",DUPLICATE_ID");
    }

    @Test
    void rowRejectedEarlierDoesNotClaimItsId() {
        assertThat(outcomes(InputFile.SURVEYS,
                "R1,C1,T1," + IN_Q3 + ",11,4,2",
                "R1,C1,T9," + IN_Q3 + ",9,4,2",
                "R1,C1,T1,2026-08-01T10:00:00,9,4,2",
                "R1,C1,T1," + IN_Q3 + ",9,4,2"))
                .containsExactly("2,nps,OUT_OF_RANGE", "3,touchpoint_id,UNKNOWN_REFERENCE", "4,responded_at,UNPARSEABLE",
                        "accepted");
    }

    @Test
    void outOfPeriodRowStillClaimsItsId() {
        assertThat(outcomes(InputFile.SURVEYS,
                "R1,C1,T1,2026-06-15T10:00:00Z,9,4,2",
                "R1,C1,T1," + IN_Q3 + ",9,4,2"))
                .containsExactly("2,responded_at,OUT_OF_PERIOD", "3,response_id,DUPLICATE_ID");
    }

    @Test
    void targetsAreUniqueOnMetricAndScope() {
        List<RowOutcome> outcomes = validateAll(validator(InputFile.TARGETS),
                "NPS,COMPANY,0,20,40",
                "NPS,D1,0,20,40",
                "CSAT,COMPANY,60,70,90",
                "NPS,COMPANY,10,30,50");

        assertThat(outcomes.stream().map(o -> o instanceof RowOutcome.Rejected r ? r.line() + "," + r.reason() : "accepted"))
                .containsExactly("accepted", "accepted", "accepted", "5,DUPLICATE_ID");
    }

    @Test
    void churnAllowsRepeatedCustomers() {
        assertThat(outcomes(InputFile.CHURN,
                "C1,2026-08-01T10:00:00Z,T1",
                "C1,2026-08-01T10:00:00Z,T1",
                "C1,2026-09-01T10:00:00Z,T2"))
                .containsExactly("accepted", "accepted", "accepted");
    }

    @Test
    void idsAreCaseSensitive() {
        assertThat(outcomes(InputFile.SURVEYS,
                "R1,C1,T1," + IN_Q3 + ",9,4,2",
                "r1,C1,T1," + IN_Q3 + ",9,4,2",
                "R2,C1,t1," + IN_Q3 + ",9,4,2"))
                .containsExactly("accepted", "accepted", "4,touchpoint_id,UNKNOWN_REFERENCE");
        assertThat(outcomes(InputFile.TARGETS, "NPS,d1,0,20,40")).containsExactly("2,scope,UNKNOWN_REFERENCE");
        assertThat(outcomes(InputFile.TARGETS, "NPS,company,0,20,40"))
                .singleElement().isIn("2,scope,UNKNOWN_REFERENCE", "2,scope,OUT_OF_RANGE");
    }

    @Test
    void comparesIdsAfterTrimming() {
        assertThat(outcomes(InputFile.CONTACTS, " K1 ,C1,T1," + IN_Q3 + ",true", "K1,C1,T1," + IN_Q3 + ",true"))
                .containsExactly("accepted", "3,contact_id,DUPLICATE_ID");
    }

    // ---------------------------------------------------------------- order of checks

    @Test
    void reportsFirstFaultLeftToRight() {
        assertThat(outcomes(InputFile.SURVEYS,
                "R1,,T1,yesterday,11,x,9",
                "R2,C1,T1,yesterday,11,x,9",
                "R3,C1,T1," + IN_Q3 + ",11,x,9",
                "R4,C1,T1," + IN_Q3 + ",9,x,9",
                "R5,C1,T1," + IN_Q3 + ",9,4,9"))
                .containsExactly("2,customer_id,MISSING_VALUE", "3,responded_at,UNPARSEABLE", "4,nps,OUT_OF_RANGE",
                        "5,csat,UNPARSEABLE", "6,effort,OUT_OF_RANGE");
        assertThat(outcomes(InputFile.EMPLOYEES, "E5,Zed,D1,boss,-1,x,E1")).containsExactly("2,role,OUT_OF_RANGE");
    }

    @Test
    void fieldFaultsWinOverUnknownReference() {
        assertThat(outcomes(InputFile.SURVEYS, "R1,C1,T9," + IN_Q3 + ",11,4,2")).containsExactly("2,nps,OUT_OF_RANGE");
        assertThat(outcomes(InputFile.EMPLOYEES, "E5,Zed,D9,staff,1000,10,E9")).containsExactly("2,role,OUT_OF_RANGE");
        assertThat(outcomes(InputFile.INTERNAL_SURVEYS, "I1,D9,D9," + IN_Q3 + ",4"))
                .containsExactly("2,respondent_department_id,OUT_OF_RANGE");
    }

    @Test
    void unknownReferenceWinsOverDuplicateAndOutOfPeriod() {
        assertThat(outcomes(InputFile.SURVEYS,
                "R1,C1,T1," + IN_Q3 + ",9,4,2",
                "R1,C1,T9,2026-12-01T10:00:00Z,9,4,2"))
                .containsExactly("accepted", "3,touchpoint_id,UNKNOWN_REFERENCE");
    }

    @Test
    void duplicateWinsOverOutOfPeriod() {
        assertThat(outcomes(InputFile.CONTACTS,
                "K1,C1,T1," + IN_Q3 + ",true",
                "K1,C1,T1,2026-12-01T10:00:00Z,true"))
                .containsExactly("accepted", "3,contact_id,DUPLICATE_ID");
    }

    // ---------------------------------------------------------------- OUT_OF_PERIOD

    @Test
    void periodBoundaryIsInclusiveAtStartAndExclusiveAtEnd() {
        assertThat(outcomes(InputFile.SURVEYS,
                "R1,C1,T1,2026-06-30T23:59:59.999Z,9,,",
                "R2,C1,T1,2026-07-01T00:00:00Z,9,,",
                "R3,C1,T1,2026-09-30T23:59:59.999Z,9,,",
                "R4,C1,T1,2026-10-01T00:00:00Z,9,,",
                "R5,C1,T1,2026-07-01T01:59:59+02:00,9,,",
                "R6,C1,T1,2026-07-01T02:00:00+02:00,9,,",
                "R7,C1,T1,2026-10-01T01:59:59+02:00,9,,",
                "R8,C1,T1,2026-10-01T02:00:00+02:00,9,,",
                "R9,C1,T1,2026-06-30T22:00:00-02:00,9,,"))
                .containsExactly("2,responded_at,OUT_OF_PERIOD", "accepted", "accepted", "5,responded_at,OUT_OF_PERIOD",
                        "6,responded_at,OUT_OF_PERIOD", "accepted", "accepted", "9,responded_at,OUT_OF_PERIOD", "accepted");
    }

    @Test
    void listsTheOutOfPeriodTimestampAsWritten() {
        RowOutcome.Rejected reject = rejected(InputFile.SURVEYS, "R1,C1,T1, 2026-10-01T00:30:00+00:00 ,9,,");

        assertThat(reject.value()).isEqualTo("2026-10-01T00:30:00+00:00");
    }

    @Test
    void companyZoneDecidesThePeriod() {
        String[] rows = {
                "R1,C1,T1,2026-06-30T22:30:00Z,9,,",
                "R2,C1,T1,2026-09-30T22:30:00Z,9,,",
                "R3,C1,T1,2026-07-01T00:30:00+02:00,9,,"};

        assertThat(outcomes(validator(InputFile.SURVEYS, ZoneId.of("Europe/Berlin")), rows))
                .containsExactly("accepted", "3,responded_at,OUT_OF_PERIOD", "accepted");
        assertThat(outcomes(validator(InputFile.SURVEYS, ZoneOffset.UTC), rows))
                .containsExactly("2,responded_at,OUT_OF_PERIOD", "accepted", "4,responded_at,OUT_OF_PERIOD");
    }

    @Test
    void filtersEveryEventFileByPeriod() {
        String before = "2026-06-30T12:00:00Z";
        assertThat(outcomes(InputFile.CONTACTS, "K1,C1,T1," + before + ",true")).containsExactly("2,opened_at,OUT_OF_PERIOD");
        assertThat(outcomes(InputFile.COMPLAINTS, "Q1,C1,T1," + before + ",1,true")).containsExactly("2,raised_at,OUT_OF_PERIOD");
        assertThat(outcomes(InputFile.CHURN, "C1," + before + ",T1")).containsExactly("2,churned_at,OUT_OF_PERIOD");
        assertThat(outcomes(InputFile.INTERNAL_SURVEYS, "I1,D1,D2," + before + ",4"))
                .containsExactly("2,responded_at,OUT_OF_PERIOD");
    }

    // ---------------------------------------------------------------- values

    @Test
    void acceptsBooleansInAnyCase() {
        List<RowOutcome> outcomes = validateAll(validator(InputFile.CUSTOMERS), "C1,TRUE,False,tRuE", "C2,true,false,FALSE");

        assertThat(outcomes).allMatch(RowOutcome.Accepted.class::isInstance);
        assertThat(Arrays.asList(accepted(outcomes.get(0)).values())).containsExactly("C1", true, false, true);
        assertThat(Arrays.asList(accepted(outcomes.get(1)).values())).containsExactly("C2", true, false, false);
    }

    @Test
    void trimsSurroundingSpaces() {
        RowOutcome outcome = validator(InputFile.SURVEYS)
                .validate(record("  R1 ,\tC1,\" T1 \", 2026-08-01T10:00:00+02:00 , 9 ,  , 2 "), 2);

        assertThat(outcome).isInstanceOf(RowOutcome.Accepted.class);
        assertThat(Arrays.asList(accepted(outcome).values())).containsExactly("R1", "C1", "T1",
                OffsetDateTime.parse("2026-08-01T10:00:00+02:00"), 9, null, 2);
    }

    @Test
    void trimsDecimalsAndChoices() {
        RowOutcome outcome = validator(InputFile.EMPLOYEES).validate(record("E5 , Zed , D1 , STAFF , 1000.50 , 12.5 , "), 2);

        assertThat(Arrays.asList(accepted(outcome).values()))
                .containsExactly("E5", "Zed", "D1", "STAFF", new BigDecimal("1000.50"), new BigDecimal("12.5"), null, null, null);
    }

    @Test
    void readsColumnsByHeaderNameInAnyOrder() {
        List<String> header = List.of("nps", "note", "responded_at", "touchpoint_id", "effort", "csat", "customer_id", "response_id");
        RowValidator validator = new RowValidator(InputFile.SURVEYS, header, KNOWN, Q3, ZoneOffset.UTC);

        RowOutcome accepted = validator.validate(record("9,hello," + IN_Q3 + ",T1,2,4,C1,R1"), 2);
        RowOutcome rejected = validator.validate(record("11,hello," + IN_Q3 + ",T1,2,4,C1,R2"), 3);

        assertThat(Arrays.asList(accepted(accepted).values()))
                .containsExactly("R1", "C1", "T1", OffsetDateTime.parse(IN_Q3), 9, 4, 2);
        assertThat(describe(rejected)).isEqualTo("3,nps,OUT_OF_RANGE");
    }

    // ---------------------------------------------------------------- helpers

    static RowValidator validator(InputFile file) {
        return validator(file, ZoneOffset.UTC);
    }

    static RowValidator validator(InputFile file, ZoneId zone) {
        // the header as a file without the optional columns (employees' valid_from, valid_to) has it
        List<String> header = file.header().stream().filter(c -> !file.columnsHeaderMayLack().contains(c)).toList();
        return new RowValidator(file, header, KNOWN, Q3, zone);
    }

    /** Validates the rows in order, as lines 2, 3, ... of one file, with a fresh validator. */
    static List<String> outcomes(InputFile file, String... rows) {
        return outcomes(validator(file), rows);
    }

    static List<String> outcomes(RowValidator validator, String... rows) {
        return validateAll(validator, rows).stream().map(RowValidatorTests::describe).toList();
    }

    /**
     * Validates the rows as the ingest step does, settling each suspect at once against the ids claimed so far
     * (accepted, or rejected only for the period) — the order of settling does not change any outcome.
     */
    static List<RowOutcome> validateAll(RowValidator validator, String... rows) {
        List<RowOutcome> outcomes = new ArrayList<>();
        java.util.Set<String> claimed = new java.util.HashSet<>();
        for (int i = 0; i < rows.length; i++) {
            RowOutcome outcome = validator.validate(record(rows[i]), i + 2);
            if (outcome instanceof RowOutcome.Suspect suspect) {
                outcome = validator.settle(suspect, claimed.contains(suspect.id()));
            }
            if (outcome instanceof RowOutcome.Accepted || outcome instanceof RowOutcome.Rejected r && r.reason() == RejectReason.OUT_OF_PERIOD) {
                claimed.add(record(rows[i]).get(0).trim());
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    static RowOutcome.Rejected rejected(InputFile file, String row) {
        RowOutcome outcome = validator(file).validate(record(row), 2);
        assertThat(outcome).isInstanceOf(RowOutcome.Rejected.class);
        return (RowOutcome.Rejected) outcome;
    }

    static RowOutcome.Accepted accepted(RowOutcome outcome) {
        assertThat(outcome).as(describe(outcome)).isInstanceOf(RowOutcome.Accepted.class);
        return (RowOutcome.Accepted) outcome;
    }

    static String describe(RowOutcome outcome) {
        return outcome instanceof RowOutcome.Rejected r ? r.line() + "," + r.column() + "," + r.reason() : "accepted";
    }

    static CSVRecord record(String row) {
        try (CSVParser parser = CSVParser.parse(row, CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(1);
            return records.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
