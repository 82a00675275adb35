package org.promiseledger.scoring;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.promiseledger.kernel.BatchSettings;

import org.promiseledger.kernel.CodePoints;

/**
 * The optional bonus pool, the one implementation behind both the run and {@code simulate}. When the period's
 * amounts add up to more than the budget they are shared out by the largest-remainder method, all in integer cents
 * so that every database and every run gives the same cents: with B the budget and T the total in cents, each
 * employee first gets floor(a × B / T); the cents still missing go one each to the largest remainders
 * (a × B mod T), ties by employee_id in code-point order. The prorated amounts add up to the budget exactly, never
 * a cent over, and an amount of 0 stays 0.
 */
public record PoolProration(BigDecimal budget, BigDecimal totalBefore, BigDecimal factor, List<BigDecimal> prorated) {

    /** One employee's amount before the pool, in the order the caller books them. */
    public record Share(String employeeId, BigDecimal amount) {
    }

    public PoolProration {
        prorated = List.copyOf(prorated);
    }

    /** The proration when the budget binds; empty when there is no budget or the total stays within it. */
    public static Optional<PoolProration> of(Optional<BigDecimal> budget, List<Share> shares) {
        if (budget.isEmpty()) {
            return Optional.empty();
        }
        BigInteger b = cents(BatchSettings.checkedPoolBudget(budget.get()));
        List<BigInteger> a = shares.stream().map(s -> cents(s.amount())).toList();
        BigInteger t = a.stream().reduce(BigInteger.ZERO, BigInteger::add);
        if (t.compareTo(b) <= 0) {
            return Optional.empty();
        }
        List<BigInteger> allotted = new ArrayList<>(a.size());
        List<BigInteger> remainders = new ArrayList<>(a.size());
        BigInteger handedOut = BigInteger.ZERO;
        for (BigInteger ai : a) {
            BigInteger[] qr = ai.multiply(b).divideAndRemainder(t);
            allotted.add(qr[0]);
            remainders.add(qr[1]);
            handedOut = handedOut.add(qr[0]);
        }
        int missing = b.subtract(handedOut).intValueExact(); // fewer than the number of shares: each floor lost < 1 cent
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            byRemainder.add(i);
        }
        byRemainder.sort(Comparator.<Integer, BigInteger>comparing(remainders::get).reversed()
                .thenComparing(i -> shares.get(i).employeeId(), CodePoints.ORDER));
        for (int k = 0; k < missing; k++) {
            int i = byRemainder.get(k);
            allotted.set(i, allotted.get(i).add(BigInteger.ONE));
        }
        BigDecimal budgetMoney = new BigDecimal(b, 2);
        BigDecimal total = new BigDecimal(t, 2);
        return Optional.of(new PoolProration(budgetMoney, total, budgetMoney.divide(total, PlanMath.MATH),
                allotted.stream().map(c -> new BigDecimal(c, 2)).toList()));
    }

    /** The amounts as paid, in the shares' order: prorated when the budget binds, unchanged otherwise. */
    public static List<BigDecimal> finalAmounts(Optional<BigDecimal> budget, List<Share> shares) {
        return of(budget, shares).map(PoolProration::prorated)
                .orElseGet(() -> shares.stream().map(s -> s.amount().setScale(2, RoundingMode.UNNECESSARY)).toList());
    }

    public BigDecimal prorated(int index) {
        return prorated.get(index);
    }

    public String explain(BigDecimal before, BigDecimal after) {
        return "payouts total " + PlanMath.money(totalBefore) + " exceeds the pool budget " + PlanMath.money(budget)
                + ": shared out in proportion (factor " + factor.setScale(10, RoundingMode.HALF_EVEN).toPlainString()
                + ", leftover cents to the largest remainders), " + PlanMath.money(before) + " becomes " + PlanMath.money(after);
    }

    private static BigInteger cents(BigDecimal money) {
        return money.setScale(2, RoundingMode.UNNECESSARY).unscaledValue();
    }
}
