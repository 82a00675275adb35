package org.promiseledger.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The arithmetic of the reference plan (docs/reference-plan.md "The reference plan", "Precise semantics"): the attainment curve
 * and its mirror, individual attainment, the payout amount with its cap and HALF_EVEN cents, and pool proration.
 */
class AttainmentCurveTests {

    /** The shipped curve: 0.5 at threshold, 1.0 at target, 1.5 at stretch, never above 1.5. */
    private static final AttainmentCurve PLAN = new AttainmentCurve(d("0.5"), d("1.0"), d("1.5"), d("1.5"));

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** Numeric equality, whatever the scale. */
    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, d(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    /** CSAT-like, higher is better: threshold 60, target 70, stretch 80. */
    private static BigDecimal higher(String value) {
        return PlanMath.curveAttainment(d(value), d("60"), d("70"), d("80"), true, PLAN);
    }

    /** CES, lower is better: threshold 4, target 3, stretch 2. */
    private static BigDecimal ces(String value) {
        return PlanMath.curveAttainment(d(value), d("4"), d("3"), d("2"), false, PLAN);
    }

    /** COMPLAINT_RATE, lower is better: threshold 20, target 10, stretch 5 per 1,000. */
    private static BigDecimal complaintRate(String value) {
        return PlanMath.curveAttainment(d(value), d("20"), d("10"), d("5"), false, PLAN);
    }

    // ---- higher is better --------------------------------------------------------------------------------------

    @Test
    void belowThresholdAttainsNothing() {
        assertDecimal("0", higher("59.999999999999"));
        assertDecimal("0", higher("0"));
    }

    @Test
    void exactlyAtThresholdAttainsHalf() {
        assertDecimal("0.5", higher("60"));
    }

    @Test
    void midwayBetweenThresholdAndTargetAttainsThreeQuarters() {
        assertDecimal("0.75", higher("65"));
        // and three tenths of the way: 0.5 + 0.5 x 0.3
        assertDecimal("0.65", higher("63"));
    }

    @Test
    void exactlyAtTargetAttainsOne() {
        assertDecimal("1.0", higher("70"));
    }

    @Test
    void betweenTargetAndStretchIsLinear() {
        assertDecimal("1.25", higher("75"));
        assertDecimal("1.125", higher("72.5"));
    }

    @Test
    void atOrAboveStretchAttainsOneAndAHalf() {
        assertDecimal("1.5", higher("80"));
        assertDecimal("1.5", higher("100"));
    }

    @Test
    void attainmentNeverPassesTheCurvesCap() {
        // given a curve paying 2.0 at stretch but capped at 1.5
        AttainmentCurve generous = new AttainmentCurve(d("0.5"), d("1.0"), d("2.0"), d("1.5"));
        // when / then: at stretch and beyond the cap holds
        assertDecimal("1.5", PlanMath.curveAttainment(d("80"), d("60"), d("70"), d("80"), true, generous));
        assertDecimal("1.5", PlanMath.curveAttainment(d("95"), d("60"), d("70"), d("80"), true, generous));
        // and between target and stretch, 1.0 + 1.0 x 0.75 = 1.75 is capped too
        assertDecimal("1.5", PlanMath.curveAttainment(d("77.5"), d("60"), d("70"), d("80"), true, generous));
        // but 1.0 + 1.0 x 0.25 = 1.25 is not
        assertDecimal("1.25", PlanMath.curveAttainment(d("72.5"), d("60"), d("70"), d("80"), true, generous));
    }

    @Test
    void oneThirdOfTheWayIsKeptExactToDecimal128() {
        // given target 70 and stretch 73: 71 is a third of the way -> 1.0 + 0.5 / 3
        BigDecimal earned = PlanMath.curveAttainment(d("71"), d("60"), d("70"), d("73"), true, PLAN);
        assertDecimal("1.166666666666666666666666666666667", earned);
    }

    @Test
    void curveAttainmentReadsAMetricInput() {
        MetricInput nps = new MetricInput("COMPANY", "COMPANY", "NPS", d("30"), 100, true, true, d("20"), d("40"), d("60"));
        assertDecimal("0.75", PlanMath.curveAttainment(nps, PLAN));
    }

    // ---- lower is better: the mirror image --------------------------------------------------------------------

    @Test
    void cesAboveThresholdAttainsNothing() {
        assertDecimal("0", ces("4.000000000001"));
        assertDecimal("0", ces("7"));
    }

    @Test
    void cesExactlyAtThresholdAttainsHalf() {
        assertDecimal("0.5", ces("4"));
    }

    @Test
    void cesMidwayBetweenThresholdAndTargetAttainsThreeQuarters() {
        assertDecimal("0.75", ces("3.5"));
    }

    @Test
    void cesExactlyAtTargetAttainsOne() {
        assertDecimal("1", ces("3"));
    }

    @Test
    void cesBetweenTargetAndStretchIsLinear() {
        assertDecimal("1.25", ces("2.5"));
        assertDecimal("1.1", ces("2.8"));
    }

    @Test
    void cesAtOrBelowStretchAttainsOneAndAHalf() {
        assertDecimal("1.5", ces("2"));
        assertDecimal("1.5", ces("1"));
    }

    @Test
    void complaintRateMirrorsTheCurve() {
        assertDecimal("0", complaintRate("20.5"));
        assertDecimal("0.5", complaintRate("20"));
        assertDecimal("0.75", complaintRate("15"));
        assertDecimal("1", complaintRate("10"));
        assertDecimal("1.25", complaintRate("7.5"));
        assertDecimal("1.5", complaintRate("5"));
        assertDecimal("1.5", complaintRate("0"));
    }

    @Test
    void lowerIsBetterIsCappedToo() {
        AttainmentCurve generous = new AttainmentCurve(d("0.5"), d("1.0"), d("2.0"), d("1.5"));
        assertDecimal("1.5", PlanMath.curveAttainment(d("2"), d("4"), d("3"), d("2"), false, generous));
        assertDecimal("1.5", PlanMath.curveAttainment(d("2.2"), d("4"), d("3"), d("2"), false, generous)); // 1.8
    }

    // ---- individual attainment ---------------------------------------------------------------------------------

    @Test
    void individualAttainmentIsTheMeanOfSalesAndProductivityOverHundred() {
        // given sales 80 %, productivity 100 % -> 90 / 100
        assertDecimal("0.9", PlanMath.individual(d("80"), d("100"), d("1.5")));
        // and 100 % / 101 % -> 1.005
        assertDecimal("1.005", PlanMath.individual(d("100"), d("101"), d("1.5")));
    }

    @Test
    void individualAttainmentIsCappedAtOneAndAHalf() {
        // given 150 % and 200 % -> 1.75, capped
        assertDecimal("1.5", PlanMath.individual(d("150"), d("200"), d("1.5")));
        // and exactly 1.5
        assertDecimal("1.5", PlanMath.individual(d("140"), d("160"), d("1.5")));
    }

    // ---- amount -----------------------------------------------------------------------------------------------

    @Test
    void amountIsTargetBonusTimesScoreInCents() {
        // given target bonus 20,000 and score 1.13375
        BigDecimal amount = PlanMath.amount(d("20000"), d("1.13375"), d("2.0"));
        assertEquals(d("22675.00"), amount);
    }

    @Test
    void amountTiesRoundHalfEvenToTheEvenCent() {
        // 100 x 0.12345 = 12.345 -> the cent digit 4 is even: 12.34 (HALF_UP would give 12.35)
        assertEquals(d("12.34"), PlanMath.amount(d("100"), d("0.12345"), d("1.5")));
        // 100 x 0.12355 = 12.355 -> the cent digit 5 is odd: 12.36
        assertEquals(d("12.36"), PlanMath.amount(d("100"), d("0.12355"), d("1.5")));
        // an unrounded target bonus: 1,000.005 x 1 = 1,000.005 -> 1,000.00
        assertEquals(d("1000.00"), PlanMath.amount(d("1000.005"), d("1"), d("1.5")));
    }

    @Test
    void amountIsAtMostTheCapTimesTheTargetBonus() {
        // given target bonus 1,000, score 1.8, cap 1.5 -> 1,500
        assertEquals(d("1500.00"), PlanMath.amount(d("1000"), d("1.8"), d("1.5")));
        // and an unrounded target bonus: 3,333.333 x 1.5 = 4,999.9995 -> 5,000.00
        assertEquals(d("5000.00"), PlanMath.amount(d("3333.333"), d("2"), d("1.5")));
    }

    @Test
    void amountOfAZeroScoreIsZeroCents() {
        assertEquals(d("0.00"), PlanMath.amount(d("1234.56"), BigDecimal.ZERO, d("2.0")));
    }

    // ---- pool proration (largest remainder in cents; see also PoolProrationTests) ---------------------------

    @Test
    void noProrationWithoutABudget() {
        assertTrue(PoolProration.of(Optional.empty(), shares("600.00", "900.00")).isEmpty());
    }

    @Test
    void noProrationWhenTheTotalIsWithinTheBudget() {
        assertTrue(PoolProration.of(Optional.of(d("1500.00")), shares("600.00", "900.00")).isEmpty());
        assertTrue(PoolProration.of(Optional.of(d("2000.00")), shares("600.00", "900.00")).isEmpty());
    }

    @Test
    void overBudgetEveryAmountGetsItsShareOfBudgetOverTotal() {
        // given payouts of 600 and 900 against a budget of 1,000
        PoolProration pool = PoolProration.of(Optional.of(d("1000")), shares("600.00", "900.00")).orElseThrow();
        // then factor = 1000 / 1500 = 2/3
        assertDecimal("1500", pool.totalBefore());
        assertDecimal("1000", pool.budget());
        assertDecimal("0.6666666666666666666666666666666667", pool.factor());
        // and each share is exact in cents
        assertEquals(List.of(d("400.00"), d("600.00")), pool.prorated());
    }

    @Test
    void theCentMissingAfterTheFloorsGoesToTheLargestRemainderTiesByEmployeeId() {
        // given 10.01 + 10.03 + 79.96 = 100 against a budget of 50: floors 5.00, 5.01, 39.98 (49.99),
        // remainders 5000, 5000, 0 cents x cents: the tie goes to E1, the smaller id
        PoolProration pool = PoolProration.of(Optional.of(d("50")), shares("10.01", "10.03", "79.96")).orElseThrow();
        assertDecimal("0.5", pool.factor());
        assertEquals(List.of(d("5.01"), d("5.01"), d("39.98")), pool.prorated());
    }

    @Test
    void leftOverCentsAreRedistributedSoTheBudgetIsMetExactly() {
        // given three payouts of 100 against a budget of 200: floors 66.66 each (199.98), two cents to E1 and E2
        PoolProration pool = PoolProration.of(Optional.of(d("200")), shares("100", "100", "100")).orElseThrow();
        assertEquals(List.of(d("66.67"), d("66.67"), d("66.66")), pool.prorated());
    }

    private static List<PoolProration.Share> shares(String... amounts) {
        List<PoolProration.Share> shares = new java.util.ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            shares.add(new PoolProration.Share("E" + (i + 1), d(amounts[i])));
        }
        return shares;
    }
}
