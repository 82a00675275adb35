package org.promiseledger.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.promiseledger.kernel.BatchSettings;

/** The pool budget's largest-remainder allocation in integer cents, worked by hand. */
class PoolProrationTests {

    @Test
    void threeEqualSharesOfTenCentsGiveTheLeftoverCentToTheFirstIdInCodePointOrder() {
        // a = 10, 10, 10 cents, B = 10, T = 30: floors 3, 3, 3 (9), remainders 10, 10, 10 tie -> "A" < "B" < "a"
        List<BigDecimal> paid = PoolProration.finalAmounts(budget("0.10"),
                List.of(share("a", "0.10"), share("B", "0.10"), share("A", "0.10")));

        assertThat(paid).containsExactly(new BigDecimal("0.03"), new BigDecimal("0.03"), new BigDecimal("0.04"));
    }

    @Test
    void theProratedAmountsAddUpToTheBudgetExactlyWhereRoundingEachWouldGoOver() {
        // 100,000.00 over three amounts of 50,000.00: HALF_EVEN of each 33,333.333... share would give 99,999.99,
        // and 1/3 - 2/3 splits overshoot; largest remainder gives exactly the budget
        List<BigDecimal> paid = PoolProration.finalAmounts(budget("100000.00"),
                List.of(share("E1", "50000.00"), share("E2", "50000.00"), share("E3", "50000.00")));

        assertThat(paid).containsExactly(new BigDecimal("33333.34"), new BigDecimal("33333.33"), new BigDecimal("33333.33"));
        assertThat(paid.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100000.00");
    }

    @Test
    void theLargestRemainderWinsTheLeftoverCentBeforeTheIdOrder() {
        // a = 1, 2 cents (T = 3), B = 2: 1x2/3 = 0 r 2, 2x2/3 = 1 r 1 -> the missing cent goes to E1 (remainder 2)
        List<BigDecimal> paid = PoolProration.finalAmounts(budget("0.02"), List.of(share("E1", "0.01"), share("E2", "0.02")));

        assertThat(paid).containsExactly(new BigDecimal("0.01"), new BigDecimal("0.01"));
    }

    @Test
    void aZeroAmountStaysZero() {
        List<BigDecimal> paid = PoolProration.finalAmounts(budget("0.05"),
                List.of(share("A", "0.00"), share("B", "0.03"), share("C", "0.04")));

        assertThat(paid.get(0)).isEqualByComparingTo("0.00");
        assertThat(paid.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0.05");
    }

    @Test
    void aBudgetThatDoesNotBindChangesNothing() {
        assertThat(PoolProration.of(budget("288382.69"), List.of(share("E1", "288382.69")))).isEmpty();
        assertThat(PoolProration.finalAmounts(Optional.empty(), List.of(share("E1", "5.00")))).containsExactly(new BigDecimal("5.00"));
    }

    @Test
    void recordsTheFactorBudgetOverTotal() {
        PoolProration pool = PoolProration.of(budget("250000.00"), List.of(share("E1", "288382.69"))).orElseThrow();

        assertThat(pool.factor()).isEqualTo(new BigDecimal("0.8669036272600134217487186904318009"));
        assertThat(pool.prorated(0)).isEqualTo(new BigDecimal("250000.00"));
    }

    @Test
    void refusesABudgetWithMoreThanTwoDecimals() {
        assertThatThrownBy(() -> BatchSettings.checkedPoolBudget(new BigDecimal("100000.005")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than two decimals");
        assertThat(BatchSettings.checkedPoolBudget(new BigDecimal("100000.000"))).isEqualByComparingTo("100000");
    }

    private static Optional<BigDecimal> budget(String value) {
        return Optional.of(new BigDecimal(value));
    }

    private static PoolProration.Share share(String id, String amount) {
        return new PoolProration.Share(id, new BigDecimal(amount));
    }
}
