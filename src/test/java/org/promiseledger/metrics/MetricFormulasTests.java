package org.promiseledger.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every metric of docs/metrics.md ("Metrics", "Precise semantics") against numbers worked out by hand. Values are stored
 * at 12 decimals, HALF_EVEN, so each expectation is written with exactly 12 decimals and compared with equals
 * (value and scale).
 */
class MetricFormulasTests {

    private static BigDecimal stored(String twelveDecimals) {
        return new BigDecimal(twelveDecimals);
    }

    // ---- NPS ---------------------------------------------------------------------------------------------------

    @Test
    void npsIsPercentPromotersMinusPercentDetractorsWithPassivesOnlyInTheDenominator() {
        // given 10 answers: 5 promoters (9-10), 3 detractors (0-6), 2 passives (7-8)
        // when
        BigDecimal nps = MetricFormulas.nps(5, 3, 10);
        // then 50 % - 30 % = 20
        assertEquals(stored("20.000000000000"), nps);
    }

    @Test
    void npsIsNegativeWhenDetractorsOutnumberPromoters() {
        // given 6 answers: 1 promoter, 4 detractors, 1 passive -> 16.67 % - 66.67 % = -50
        assertEquals(stored("-50.000000000000"), MetricFormulas.nps(1, 4, 6));
    }

    @Test
    void npsSpansMinusHundredToHundred() {
        assertEquals(stored("100.000000000000"), MetricFormulas.nps(7, 0, 7));
        assertEquals(stored("-100.000000000000"), MetricFormulas.nps(0, 7, 7));
        assertEquals(stored("0.000000000000"), MetricFormulas.nps(0, 0, 7));
    }

    @Test
    void npsOfOneThirdIsKeptToTwelveDecimals() {
        // given 1 promoter and 2 passives: 100/3 = 33.3333333333333...
        assertEquals(stored("33.333333333333"), MetricFormulas.nps(1, 0, 3));
        // and 2 promoters, 1 passive: 200/3 = 66.6666666666666... rounds up in the 12th decimal
        assertEquals(stored("66.666666666667"), MetricFormulas.nps(2, 0, 3));
    }

    // ---- CSAT --------------------------------------------------------------------------------------------------

    @Test
    void csatIsPercentOfAnswersWithFourOrFive() {
        // given 8 answers of which 6 are 4 or 5
        assertEquals(stored("75.000000000000"), MetricFormulas.csat(6, 8));
    }

    @Test
    void csatRoundsHalfEvenInTheTwelfthDecimal() {
        // given 1 of 32,768: 100/32768 = 0.0030517578125 exactly; the 12th decimal (2) is even -> stays
        assertEquals(stored("0.003051757812"), MetricFormulas.csat(1, 32768));
        // and 3 of 32,768: 0.0091552734375 exactly; the 12th decimal (7) is odd -> goes up
        assertEquals(stored("0.009155273438"), MetricFormulas.csat(3, 32768));
    }

    // ---- CES ---------------------------------------------------------------------------------------------------

    @Test
    void cesIsTheMeanEffort() {
        // given efforts 3, 4 -> 7 / 2
        assertEquals(stored("3.500000000000"), MetricFormulas.ces(7, 2));
        // and efforts 3, 3, 4 -> 10 / 3
        assertEquals(stored("3.333333333333"), MetricFormulas.ces(10, 3));
    }

    // ---- FCR ---------------------------------------------------------------------------------------------------

    @Test
    void fcrIsPercentOfContactsResolvedAtFirstContact() {
        assertEquals(stored("66.666666666667"), MetricFormulas.fcr(2, 3));
        assertEquals(stored("90.000000000000"), MetricFormulas.fcr(45, 50));
    }

    // ---- COMPLAINT_RATE ----------------------------------------------------------------------------------------

    @Test
    void complaintRateIsUpheldComplaintsPerThousandCustomersTouched() {
        // given 1 upheld complaint among 400 distinct customers touched -> 1 / 400 x 1000
        assertEquals(stored("2.500000000000"), MetricFormulas.complaintRate(1, 400));
        // and 2 upheld among 3 customers -> 2000 / 3
        assertEquals(stored("666.666666666667"), MetricFormulas.complaintRate(2, 3));
        // and none upheld
        assertEquals(stored("0.000000000000"), MetricFormulas.complaintRate(0, 3));
    }

    // ---- RETENTION ---------------------------------------------------------------------------------------------

    @Test
    void departmentRetentionIsOneMinusChurnedOverTouchedOrChurned() {
        // given 1 churned customer in a union of 3 (touched or churned) -> (1 - 1/3) x 100
        assertEquals(stored("66.666666666667"), MetricFormulas.departmentRetention(1, 3));
        // and 5 churned of 200 -> (1 - 0.025) x 100
        assertEquals(stored("97.500000000000"), MetricFormulas.departmentRetention(5, 200));
        // and everybody churned
        assertEquals(stored("0.000000000000"), MetricFormulas.departmentRetention(4, 4));
    }

    @Test
    void companyRetentionIsActiveAtEndMinusAcquiredOverActiveAtStart() {
        // given E = 95 active at end, N = 10 acquired, S = 90 active at start -> 85 / 90 x 100
        assertEquals(stored("94.444444444444"), MetricFormulas.companyRetention(95, 10, 90));
        // and E = 100, N = 20, S = 80 -> 100
        assertEquals(stored("100.000000000000"), MetricFormulas.companyRetention(100, 20, 80));
    }

    // ---- CONSISTENCY -------------------------------------------------------------------------------------------

    @Test
    void consistencyIsHundredMinusTheSpreadOfChannelCsats() {
        // given channels at 80, 70 and 75 -> 100 x (1 - (80 - 70) / 100) = 90
        BigDecimal value = MetricFormulas.consistency(List.of(new BigDecimal("80"), new BigDecimal("70"),
                new BigDecimal("75")));
        assertEquals(stored("90.000000000000"), value);
    }

    @Test
    void consistencyUsesUnroundedChannelCsatsAndRoundsOnlyTheResult() {
        // given two channels at 2/3 and 1/3 satisfied -> 100 x (1 - (66.67 - 33.33) / 100) = 66.666...
        BigDecimal twoThirds = MetricFormulas.exactPercent(2, 3);
        BigDecimal oneThird = MetricFormulas.exactPercent(1, 3);
        // when
        BigDecimal value = MetricFormulas.consistency(List.of(twoThirds, oneThird));
        // then
        assertEquals(stored("66.666666666667"), value);
    }

    @Test
    void consistencyOfEqualChannelsIsHundred() {
        assertEquals(stored("100.000000000000"),
                MetricFormulas.consistency(List.of(new BigDecimal("85"), new BigDecimal("85.0"))));
    }

    // ---- INTERNAL_SERVICE --------------------------------------------------------------------------------------

    @Test
    void internalServiceScalesTheMeanScoreFromOneToFiveOntoZeroToHundred() {
        // given scores 3, 3, 4 -> mean 10/3; (10/3 - 1) / 4 x 100 = 58.333...
        assertEquals(stored("58.333333333333"), MetricFormulas.internalService(10, 3));
        // and all fives -> 100, all ones -> 0, all threes -> 50
        assertEquals(stored("100.000000000000"), MetricFormulas.internalService(15, 3));
        assertEquals(stored("0.000000000000"), MetricFormulas.internalService(3, 3));
        assertEquals(stored("50.000000000000"), MetricFormulas.internalService(9, 3));
    }

    // ---- no observations ---------------------------------------------------------------------------------------

    @Test
    void aMetricNeedsAtLeastOneObservation() {
        assertThrows(IllegalArgumentException.class, () -> MetricFormulas.csat(0, 0));
        assertThrows(IllegalArgumentException.class, () -> MetricFormulas.companyRetention(10, 0, 0));
    }

    @Test
    void everyStoredValueHasTwelveDecimals() {
        assertEquals(12, MetricFormulas.STORED_SCALE);
        assertEquals(12, MetricFormulas.ces(4, 1).scale());
        assertEquals(12, MetricFormulas.consistency(List.of(BigDecimal.ONE, BigDecimal.TEN)).scale());
    }
}
