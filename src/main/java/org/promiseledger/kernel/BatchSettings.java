package org.promiseledger.kernel;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The job settings an operator keeps in {@code batch-config/promise-ledger.yml}; defaults match the shipped file,
 * so a missing file still gives the documented behaviour.
 */
@ConfigurationProperties("promise-ledger")
public record BatchSettings(
        String timeZone,
        String currency,
        Integer minSample,
        BigDecimal rejectLimitPercent,
        Integer chunkSize,
        BigDecimal poolBudget,
        String rulesDir,
        String dataDir,
        Integer customersPerPass) {

    /** Customers whose marks one counting pass keeps in memory (a few hundred bytes each) when none is set. */
    public static final int DEFAULT_CUSTOMERS_PER_PASS = 500_000;

    public BatchSettings {
        timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
        currency = currency == null || currency.isBlank() ? "EUR" : currency;
        minSample = minSample == null ? 30 : minSample;
        rejectLimitPercent = rejectLimitPercent == null ? BigDecimal.ONE : rejectLimitPercent;
        chunkSize = chunkSize == null ? 5000 : chunkSize;
        rulesDir = rulesDir == null || rulesDir.isBlank() ? "rules" : rulesDir;
        dataDir = dataDir == null || dataDir.isBlank() ? "data" : dataDir;
        customersPerPass = customersPerPass == null ? DEFAULT_CUSTOMERS_PER_PASS : customersPerPass;
        if (customersPerPass < 1) {
            throw new IllegalArgumentException("promise-ledger.customers-per-pass must be at least 1, not " + customersPerPass);
        }
        if (minSample < 1) {
            throw new IllegalArgumentException("promise-ledger.min-sample must be at least 1");
        }
        if (poolBudget != null) {
            checkedPoolBudget(poolBudget);
        }
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Optional<BigDecimal> pool() {
        return Optional.ofNullable(poolBudget);
    }

    public Path rulesPath() {
        return Path.of(rulesDir);
    }

    /** Where the embedded database and the demo's sample inputs live. */
    public Path dataPath() {
        return Path.of(dataDir);
    }

    /** Refuses a budget that is not a positive whole number of cents (bad configuration, not something to round). */
    public static BigDecimal checkedPoolBudget(BigDecimal budget) {
        if (budget.signum() <= 0) {
            throw new IllegalArgumentException("promise-ledger.pool-budget must be positive when set, not " + budget.toPlainString());
        }
        if (budget.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("promise-ledger.pool-budget " + budget.toPlainString()
                    + " has more than two decimals: give the budget in whole cents");
        }
        return budget;
    }

}
