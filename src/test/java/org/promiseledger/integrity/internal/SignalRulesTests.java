package org.promiseledger.integrity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;
import org.promiseledger.integrity.Finding;

/**
 * Each signal fires on a hand-built case and stays silent just under each of its thresholds (z, the rise or share,
 * the sample). min-sample 30; 2026-Q3 has D = 92 days, so the bunching expectation is 14/92 = 0.152174.
 */
class SignalRulesTests {

    private final SignalRules rules = new SignalRules(30);

    // TOP_BOX_SURGE: 45 of 100 tens against 20 of 100. p1 = 0.45, p0 = 0.20, pooled p = 65/200 = 0.325,
    // se = √(0.325 · 0.675 · (1/100 + 1/100)) = √0.0043875 = 0.0662382, z = 0.25 / 0.0662382 = 3.7743; p = 0.000080.
    @Test
    void topBoxSurgeFiresOnARiseOfTwentyFivePointsWithZAbove309() {
        Finding f = rules.topBoxSurge("T", "D", 45, 100, 20, 100, "2026-Q2").orElseThrow();

        assertThat(four(f.statistic())).isEqualTo("3.7743");
        assertThat(six(f.pValue())).isEqualTo("0.000080");
        assertThat(f.detail()).startsWith("45 % of answers were a 10 (45 of 100), against 20 % in 2026-Q2 (20 of 100)");
    }

    // 40 of 100 against 20 of 100: pooled 0.30, se = √(0.3 · 0.7 · 0.02) = 0.0648074, z = 0.20 / 0.0648074 = 3.0861 < 3.09.
    @Test
    void topBoxSurgeStaysSilentWhenZIsJustUnder309() {
        assertThat(ZTests.twoProportion(40, 100, 20, 100).setScale(4, RoundingMode.HALF_EVEN)).isEqualByComparingTo("3.0861");
        assertThat(rules.topBoxSurge("T", "D", 40, 100, 20, 100, "2026-Q2")).isEmpty();
    }

    // 349 of 1000 against 200 of 1000: a rise of 14.9 points; pooled 0.2745, se = √(0.2745 · 0.7255 · 0.002) = 0.0199573,
    // z = 0.149 / 0.0199573 = 7.4659, far above 3.09, but the rise is under 15 points. 350 of 1000 (exactly 15) fires.
    @Test
    void topBoxSurgeNeedsARiseOfFifteenPointsHoweverLargeZ() {
        assertThat(rules.topBoxSurge("T", "D", 349, 1000, 200, 1000, "2026-Q2")).isEmpty();
        assertThat(rules.topBoxSurge("T", "D", 350, 1000, 200, 1000, "2026-Q2")).isPresent();
    }

    // 20 of 30 against 20 of 100: z = 4.8572 fires; with 20 of 29 (z = 5.0195) this quarter's sample is under 30.
    @Test
    void topBoxSurgeNeedsMinSampleInBothQuarters() {
        assertThat(rules.topBoxSurge("T", "D", 20, 30, 20, 100, "2026-Q2")).isPresent();
        assertThat(rules.topBoxSurge("T", "D", 20, 29, 20, 100, "2026-Q2")).isEmpty();
        assertThat(rules.topBoxSurge("T", "D", 20, 100, 20, 29, "2026-Q2")).isEmpty();
    }

    @Test
    void topBoxSurgeNeedsAPreviousQuarter() {
        assertThat(rules.topBoxSurge("T", "D", 45, 100, 0, 0, null)).isEmpty();
    }

    // SELECTIVE_SURVEYING: 32 of the 40 contacts of respondents resolved, 50 of all 100 contacts. p1 = 0.8, p0 = 0.5,
    // pooled = 82/140 = 0.585714, se = √(0.585714 · 0.414286 · (1/40 + 1/100)) = 0.0921570, z = 0.3 / 0.092157 = 3.2553.
    @Test
    void selectiveSurveyingFiresWhenRespondentsContactsResolveFarMoreOften() {
        Finding f = rules.selectiveSurveying("T", "D", 32, 40, 50, 100).orElseThrow();

        assertThat(four(f.statistic())).isEqualTo("3.2553");
        assertThat(six(f.pValue())).isEqualTo("0.000566");
        assertThat(f.detail()).startsWith("Customers who answered a survey had 80 % of their contacts resolved first time");
    }

    // One respondent contact fewer resolved: 31 of 40 against 49 of 100. pooled = 80/140 = 0.571429,
    // se = √(0.571429 · 0.428571 · 0.035) = 0.0925820, z = (0.775 − 0.49) / 0.092582 = 3.0784 < 3.09.
    @Test
    void selectiveSurveyingStaysSilentWhenZIsJustUnder309() {
        assertThat(ZTests.twoProportion(31, 40, 49, 100).setScale(4, RoundingMode.HALF_EVEN)).isEqualByComparingTo("3.0784");
        assertThat(rules.selectiveSurveying("T", "D", 31, 40, 49, 100)).isEmpty();
    }

    // 29 of 29 respondent contacts resolved against 50 of 100: z would be large, but 29 contacts are under min-sample
    // (30 of 30: z = 4.9371, fires). 649 of 1000 against 500 of 1000 is a rise of 14.9 points: z = 6.7387, still silent;
    // 650 of 1000 (15 points) fires.
    @Test
    void selectiveSurveyingNeedsMinSampleAndFifteenPoints() {
        assertThat(rules.selectiveSurveying("T", "D", 29, 29, 50, 100)).isEmpty();
        assertThat(rules.selectiveSurveying("T", "D", 30, 30, 50, 100)).isPresent();
        assertThat(rules.selectiveSurveying("T", "D", 649, 1000, 500, 1000)).isEmpty();
        assertThat(rules.selectiveSurveying("T", "D", 650, 1000, 500, 1000)).isPresent();
    }

    // REPEAT_RESPONDENTS: 4 of 40 answers from one customer who answered 4 times: 4/40 = 0.10, the limit, fires.
    @Test
    void repeatRespondentsFireAtTenPercentOfAnswers() {
        Finding f = rules.repeatRespondents("T", "D", 4, 40, 1).orElseThrow();

        assertThat(four(f.statistic())).isEqualTo("0.1000");
        assertThat(f.pValue()).isNull();
        assertThat(f.detail()).isEqualTo("10 % of answers (4 of 40) came from 1 customer who answered 4 times or more this"
                + " quarter; the limit is 10 %.");
    }

    // 4 of 41 = 9.76 % is just under; 4 of 29 = 13.8 % is over, but 29 answers are under min-sample.
    @Test
    void repeatRespondentsStaySilentJustUnderTheShareAndTheSample() {
        assertThat(rules.repeatRespondents("T", "D", 4, 41, 1)).isEmpty();
        assertThat(rules.repeatRespondents("T", "D", 4, 29, 1)).isEmpty();
    }

    // END_OF_QUARTER_BUNCHING, D = 92, p0 = 14/92 = 0.152174, se(n = 100) = √(0.152174 · 0.847826 / 100) = 0.0359196.
    // 31 of 100 late: share 0.31 ≥ 2 · 0.152174 = 0.304348, z = (0.31 − 0.152174) / 0.0359196 = 4.3940.
    @Test
    void endOfQuarterBunchingFiresAtTwiceTheExpectedShareWithZAbove309() {
        Finding f = rules.endOfQuarterBunching("T", "D", 31, 100, 92).orElseThrow();

        assertThat(four(f.statistic())).isEqualTo("4.3940");
        assertThat(six(f.pValue())).isEqualTo("0.000006");
        assertThat(f.detail()).startsWith("31 % of answers (31 of 100) came in the quarter's last 14 days, against 15 % expected");
    }

    // 30 of 100 late: z = (0.30 − 0.152174) / 0.0359196 = 4.1155 ≥ 3.09, but 0.30 < 0.304348 (twice expected): silent.
    @Test
    void endOfQuarterBunchingStaysSilentJustUnderTwiceTheExpectedShare() {
        assertThat(rules.endOfQuarterBunching("T", "D", 30, 100, 92)).isEmpty();
    }

    // 10 of 30 late: share 0.3333 is over twice expected, but se = √(0.152174 · 0.847826 / 30) = 0.0655823 and
    // z = (0.333333 − 0.152174) / 0.0655823 = 2.7625 < 3.09: silent. 11 of 30: z = 3.2708, fires.
    @Test
    void endOfQuarterBunchingStaysSilentWhenZIsJustUnder309() {
        assertThat(ZTests.oneProportion(10, 30, ZTests.ratio(14, 92)).setScale(4, RoundingMode.HALF_EVEN))
                .isEqualByComparingTo("2.7625");
        assertThat(rules.endOfQuarterBunching("T", "D", 10, 30, 92)).isEmpty();
        assertThat(rules.endOfQuarterBunching("T", "D", 11, 30, 92)).isPresent();
    }

    // 15 of 30 fires (z = 5.3039); 15 of 29 (z = 5.4733) is under min-sample.
    @Test
    void endOfQuarterBunchingNeedsMinSample() {
        assertThat(rules.endOfQuarterBunching("T", "D", 15, 30, 92)).isPresent();
        assertThat(rules.endOfQuarterBunching("T", "D", 15, 29, 92)).isEmpty();
    }

    private static String four(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String six(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }
}
