package org.promiseledger.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The arithmetic the rule files call (imported as functions): exact decimals in DECIMAL128, only the final amount
 * rounded, HALF_EVEN to cents.
 */
public final class PlanMath {

    public static final MathContext MATH = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PlanMath() {
    }

    /**
     * The curve: below threshold 0; at threshold, target and stretch the curve's points; linear in between; at or
     * past stretch the stretch point; never above the cap. Lower-is-better metrics mirror the scale.
     */
    public static BigDecimal curveAttainment(BigDecimal value, BigDecimal threshold, BigDecimal target, BigDecimal stretch,
            boolean higherIsBetter, AttainmentCurve curve) {
        BigDecimal v = higherIsBetter ? value : value.negate();
        BigDecimal t = higherIsBetter ? threshold : threshold.negate();
        BigDecimal g = higherIsBetter ? target : target.negate();
        BigDecimal s = higherIsBetter ? stretch : stretch.negate();
        BigDecimal earned;
        if (v.compareTo(t) < 0) {
            earned = BigDecimal.ZERO;
        } else if (v.compareTo(g) < 0) {
            earned = between(v, t, g, curve.atThreshold(), curve.atTarget());
        } else if (v.compareTo(s) < 0) {
            earned = between(v, g, s, curve.atTarget(), curve.atStretch());
        } else {
            earned = curve.atStretch();
        }
        return earned.min(curve.cap());
    }

    public static BigDecimal curveAttainment(MetricInput m, AttainmentCurve curve) {
        return curveAttainment(m.value(), m.threshold(), m.target(), m.stretch(), m.higherIsBetter(), curve);
    }

    private static BigDecimal between(BigDecimal v, BigDecimal from, BigDecimal to, BigDecimal atFrom, BigDecimal atTo) {
        BigDecimal share = v.subtract(from, MATH).divide(to.subtract(from, MATH), MATH);
        return atFrom.add(atTo.subtract(atFrom, MATH).multiply(share, MATH), MATH);
    }

    public static BigDecimal times(BigDecimal a, BigDecimal b) {
        return a.multiply(b, MATH);
    }

    /** mean(sales %, productivity %) / 100, capped. */
    public static BigDecimal individual(BigDecimal salesPct, BigDecimal productivityPct, BigDecimal cap) {
        BigDecimal mean = salesPct.add(productivityPct, MATH).divide(BigDecimal.valueOf(2), MATH);
        return mean.divide(HUNDRED, MATH).min(cap);
    }

    /** min(target bonus × score, cap × target bonus), rounded HALF_EVEN to cents: the only rounding of a payout. */
    public static BigDecimal amount(BigDecimal targetBonus, BigDecimal score, BigDecimal capMultiple) {
        return uncapped(targetBonus, score).min(capAmount(targetBonus, capMultiple)).setScale(2, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal uncapped(BigDecimal targetBonus, BigDecimal score) {
        return targetBonus.multiply(score, MATH);
    }

    public static BigDecimal capAmount(BigDecimal targetBonus, BigDecimal capMultiple) {
        return targetBonus.multiply(capMultiple, MATH);
    }

    public static boolean exceeds(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) > 0;
    }

    /** Four decimals, as scorecards and exports show attainments and scores. */
    public static String fmt(BigDecimal value) {
        return value == null ? "(none)" : value.setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    public static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
