package org.promiseledger.integrity.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.promiseledger.integrity.Finding;
import org.promiseledger.integrity.Signal;

/**
 * The tests and thresholds of the four signals, on counts the database already grouped. A signal is judged only
 * where every sample it compares reaches min-sample. Thresholds are compared exactly: the rise and the shares as
 * fractions of whole counts, z in DECIMAL128 before any rounding.
 */
final class SignalRules {

    /** One-sided z at p ≤ 0.001. */
    static final BigDecimal Z_MIN = new BigDecimal("3.09");
    /** The smallest rise, in proportion, that counts for TOP_BOX_SURGE and SELECTIVE_SURVEYING: 15 points. */
    static final BigDecimal RISE_MIN = new BigDecimal("0.15");
    /** REPEAT_RESPONDENTS: customers with this many answers at a touchpoint in the quarter are repeaters... */
    static final int REPEAT_ANSWERS = 4;
    /** ...and the signal fires when their answers are at least this share (10 %). */
    static final BigDecimal REPEAT_SHARE = new BigDecimal("0.10");
    /** END_OF_QUARTER_BUNCHING looks at the last 14 days and needs at least twice the expected share. */
    static final int LAST_DAYS = 14;
    static final int BUNCHING_FACTOR = 2;

    private final long minSample;

    SignalRules(long minSample) {
        this.minSample = minSample;
    }

    /** x1 of n1 NPS answers were a 10 this quarter, x0 of n0 in the reference period. */
    Optional<Finding> topBoxSurge(String touchpoint, String department, long x1, long n1, long x0, long n0,
            String referencePeriod) {
        if (referencePeriod == null || n1 < minSample || n0 < minSample) {
            return Optional.empty();
        }
        BigDecimal z = ZTests.twoProportion(x1, n1, x0, n0);
        if (z == null || z.compareTo(Z_MIN) < 0 || !risesEnough(x1, n1, x0, n0)) {
            return Optional.empty();
        }
        String detail = percent(x1, n1) + " % of answers were a 10 (" + x1 + " of " + n1 + "), against " + percent(x0, n0)
                + " % in " + referencePeriod + " (" + x0 + " of " + n0 + "); z = " + two(z) + ".";
        return Optional.of(new Finding(touchpoint, department, Signal.TOP_BOX_SURGE, z, ZTests.upperTail(z), n1, x1, n0, x0,
                referencePeriod, detail));
    }

    /** x1 of n1 contacts by customers who answered a survey there were resolved first time, x0 of all n0 contacts. */
    Optional<Finding> selectiveSurveying(String touchpoint, String department, long x1, long n1, long x0, long n0) {
        if (n1 < minSample || n0 < minSample) {
            return Optional.empty();
        }
        BigDecimal z = ZTests.twoProportion(x1, n1, x0, n0);
        if (z == null || z.compareTo(Z_MIN) < 0 || !risesEnough(x1, n1, x0, n0)) {
            return Optional.empty();
        }
        String detail = "Customers who answered a survey had " + percent(x1, n1) + " % of their contacts resolved first time ("
                + x1 + " of " + n1 + "), against " + percent(x0, n0) + " % of all contacts (" + x0 + " of " + n0
                + "); z = " + two(z) + ".";
        return Optional.of(new Finding(touchpoint, department, Signal.SELECTIVE_SURVEYING, z, ZTests.upperTail(z), n1, x1,
                n0, x0, null, detail));
    }

    /** repeatAnswers of all answers came from repeatCustomers customers who answered four times or more. */
    Optional<Finding> repeatRespondents(String touchpoint, String department, long repeatAnswers, long answers,
            long repeatCustomers) {
        if (answers < minSample) {
            return Optional.empty();
        }
        BigDecimal share = ZTests.ratio(repeatAnswers, answers);
        if (share.compareTo(REPEAT_SHARE) < 0) {
            return Optional.empty();
        }
        String detail = percent(repeatAnswers, answers) + " % of answers (" + repeatAnswers + " of " + answers + ") came from "
                + repeatCustomers + (repeatCustomers == 1 ? " customer" : " customers") + " who answered "
                + REPEAT_ANSWERS + " times or more this quarter; the limit is 10 %.";
        return Optional.of(new Finding(touchpoint, department, Signal.REPEAT_RESPONDENTS, share, null, answers,
                repeatAnswers, repeatCustomers, null, null, detail));
    }

    /** late of all answers came in the quarter's last 14 days, of a quarter of days days. */
    Optional<Finding> endOfQuarterBunching(String touchpoint, String department, long late, long answers, int days) {
        if (answers < minSample) {
            return Optional.empty();
        }
        BigDecimal expected = ZTests.ratio(LAST_DAYS, days);
        BigDecimal z = ZTests.oneProportion(late, answers, expected);
        // share ≥ 2 × 14/D, in whole numbers: late × D ≥ 28 × answers
        boolean twiceExpected = late * days >= (long) BUNCHING_FACTOR * LAST_DAYS * answers;
        if (z.compareTo(Z_MIN) < 0 || !twiceExpected) {
            return Optional.empty();
        }
        String detail = percent(late, answers) + " % of answers (" + late + " of " + answers + ") came in the quarter's last "
                + LAST_DAYS + " days, against " + percent(LAST_DAYS, days) + " % expected (" + LAST_DAYS + " of " + days
                + " days); z = " + two(z) + ".";
        return Optional.of(new Finding(touchpoint, department, Signal.END_OF_QUARTER_BUNCHING, z, ZTests.upperTail(z), answers,
                late, (long) days, (long) LAST_DAYS, null, detail));
    }

    /** x1/n1 − x0/n0 ≥ 0.15, exactly: 100·(x1·n0 − x0·n1) ≥ 15·n1·n0. */
    private static boolean risesEnough(long x1, long n1, long x0, long n0) {
        BigDecimal left = BigDecimal.valueOf(x1).multiply(BigDecimal.valueOf(n0))
                .subtract(BigDecimal.valueOf(x0).multiply(BigDecimal.valueOf(n1)));
        BigDecimal right = RISE_MIN.multiply(BigDecimal.valueOf(n1)).multiply(BigDecimal.valueOf(n0));
        return left.compareTo(right) >= 0;
    }

    /** A whole percent for people, HALF_EVEN like every rounding of the product. */
    static String percent(long part, long whole) {
        return ZTests.ratio(part, whole).movePointRight(2).setScale(0, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String two(BigDecimal z) {
        return z.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
