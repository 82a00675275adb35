package org.promiseledger.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * The optional bonus pool: when the period's payouts add up to more than the budget, every amount is multiplied by
 * the same factor (budget / total before proration) and rounded HALF_EVEN to cents. Cents left over are not
 * redistributed.
 */
public record PoolProration(BigDecimal budget, BigDecimal totalBefore, BigDecimal factor) {

    public static Optional<PoolProration> of(Optional<BigDecimal> budget, List<BigDecimal> amounts) {
        if (budget.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal total = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(budget.get()) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new PoolProration(budget.get(), total, budget.get().divide(total, PlanMath.MATH)));
    }

    /** The amounts as paid: prorated when the budget is exceeded, unchanged otherwise. */
    public static List<BigDecimal> finalAmounts(Optional<BigDecimal> budget, List<BigDecimal> amounts) {
        return of(budget, amounts).map(pool -> amounts.stream().map(pool::prorate).toList()).orElse(amounts);
    }

    public BigDecimal prorate(BigDecimal amount) {
        return amount.multiply(factor, PlanMath.MATH).setScale(2, RoundingMode.HALF_EVEN);
    }

    public String explain(BigDecimal before, BigDecimal after) {
        return "payouts total " + PlanMath.money(totalBefore) + " exceeds the pool budget " + PlanMath.money(budget)
                + ": every amount x " + factor.setScale(10, RoundingMode.HALF_EVEN).toPlainString() + ", "
                + PlanMath.money(before) + " becomes " + PlanMath.money(after);
    }
}
