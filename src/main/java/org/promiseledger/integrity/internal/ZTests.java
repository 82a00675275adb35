package org.promiseledger.integrity.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The two textbook z-tests for proportions (NIST/SEMATECH e-Handbook of Statistical Methods, 7.3.3 and 7.2.4):
 * the statistic in DECIMAL128 so that every database and machine gives the same digits, the one-sided p-value from
 * commons-math's standard normal distribution.
 */
final class ZTests {

    static final MathContext MC = MathContext.DECIMAL128;
    /** No sampling ever happens, so no random generator is built. */
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private ZTests() {
    }

    /**
     * Two-proportion z with the pooled proportion: z = (p1 − p0) / √(p̂(1 − p̂)(1/n1 + 1/n0)), p̂ = (x1 + x0)/(n1 + n0).
     *
     * @return null when the standard error is 0 (every answer a hit, or none), where there is nothing to test
     */
    static BigDecimal twoProportion(long x1, long n1, long x0, long n0) {
        BigDecimal p1 = ratio(x1, n1);
        BigDecimal p0 = ratio(x0, n0);
        BigDecimal pooled = ratio(x1 + x0, n1 + n0);
        BigDecimal variance = pooled.multiply(BigDecimal.ONE.subtract(pooled), MC)
                .multiply(ratio(1, n1).add(ratio(1, n0), MC), MC);
        if (variance.signum() == 0) {
            return null;
        }
        return p1.subtract(p0, MC).divide(variance.sqrt(MC), MC);
    }

    /** One-proportion z with the standard error from the expected share: z = (x/n − p0) / √(p0(1 − p0)/n). */
    static BigDecimal oneProportion(long x, long n, BigDecimal p0) {
        BigDecimal variance = p0.multiply(BigDecimal.ONE.subtract(p0), MC).divide(BigDecimal.valueOf(n), MC);
        return ratio(x, n).subtract(p0, MC).divide(variance.sqrt(MC), MC);
    }

    /** P(Z ≥ z) for a standard normal Z, to 12 places (computed as Φ(−z), which keeps its digits far in the tail). */
    static BigDecimal upperTail(BigDecimal z) {
        return new BigDecimal(STANDARD_NORMAL.cumulativeProbability(-z.doubleValue())).setScale(12, RoundingMode.HALF_EVEN);
    }

    static BigDecimal ratio(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), MC);
    }
}
