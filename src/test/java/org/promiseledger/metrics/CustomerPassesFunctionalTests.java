package org.promiseledger.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.support.DemoQuarter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With {@code promise-ledger.customers-per-pass} far below the demo company's 8,000 customers, the run counts distinct
 * customers in several passes over rows kept on local disk: it must finish, count exactly what one pass counts, scope
 * by scope, feed the listeners every answer and contact with each customer's rows in one pass, and leave no file.
 * On H2 and on MariaDB (subclasses).
 */
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false",
        "promise-ledger.customers-per-pass=" + CustomerPassesFunctionalTests.PER_PASS})
abstract class CustomerPassesFunctionalTests {

    static final int PER_PASS = 1500;

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    MetricAggregator aggregator;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    SurveyExclusions exclusions;

    @Autowired
    StagedOrganisation organisation;

    @Autowired
    EventTallies tallies;

    @TempDir
    Path temp;

    @Test
    void severalPassesCountExactlyTheDistinctCustomersOnePassCounts() throws Exception {
        long runId = runDemoQuarter();
        OrgChart org = aggregator.orgChart(runId);
        Map<String, MetricAggregator.TouchpointCounts> touchpoints = aggregator.touchpoints(runId);
        Recorder inPasses = new Recorder();
        Recorder inOnePass = new Recorder();
        java.util.Set<Path> before = tempFolders();

        Map<ScopeRef, ScopeCounts> passes = new HashMap<>();
        aggregatorWith(PER_PASS, inPasses).countDistinctCustomers(runId, org, touchpoints, passes);
        Map<ScopeRef, ScopeCounts> onePass = new HashMap<>();
        aggregatorWith(BatchSettings.DEFAULT_CUSTOMERS_PER_PASS, inOnePass).countDistinctCustomers(runId, org, touchpoints,
                onePass);

        assertThat(inPasses.passes).as("passes").isGreaterThanOrEqualTo(5);
        assertThat(inOnePass.passes).isEqualTo(1);
        assertThat(onePass.get(ScopeRef.COMPANY).get(Counter.CUSTOMERS_TOUCHED)).isGreaterThan(5L * PER_PASS);
        assertThat(onePass.keySet().stream().filter(s -> onePass.get(s).get(Counter.CHURNED) > 0)).isNotEmpty();
        TreeSet<ScopeRef> scopes = new TreeSet<>(onePass.keySet());
        scopes.addAll(passes.keySet());
        for (ScopeRef scope : scopes) {
            assertThat(customers(passes.get(scope))).as(scope.label()).containsExactly(customers(onePass.get(scope)));
        }
        assertThat(inPasses.rows).as("every answer and contact, once").isEqualTo(inOnePass.rows);
        assertThat(inPasses.customersSeenInTwoPasses).isEmpty();
        assertThat(inPasses.numbersShared).as("one number, one customer, in a pass").isEmpty();
        assertThat(inOnePass.numbersShared).isEmpty();
        assertThat(inOnePass.largestPass).isGreaterThan(5 * PER_PASS);
        assertThat(inPasses.largestPass).as("customers held at once").isLessThan(2 * PER_PASS);
        assertThat(inPasses.contactsBeforeAnswersEnded).isZero();
        assertThat(tempFolders()).as("pass files left behind").isEqualTo(before);
    }

    @Test
    void aRemoteRunsCustomerSharesCountedInPassesAddUpToOnePass() throws Exception {
        long runId = runDemoQuarter();
        OrgChart org = aggregator.orgChart(runId);
        Map<String, MetricAggregator.TouchpointCounts> touchpoints = aggregator.touchpoints(runId);
        Map<ScopeRef, ScopeCounts> onePass = new HashMap<>();
        aggregatorWith(BatchSettings.DEFAULT_CUSTOMERS_PER_PASS, new Recorder()).countDistinctCustomers(runId, org,
                touchpoints, onePass);

        // three shares of ~2,700 customers, each counted in two passes of at most 1,500 (this context's setting)
        Map<ScopeRef, long[]> shares = new HashMap<>();
        for (int bucket = 0; bucket < 3; bucket++) {
            Map<ScopeRef, ScopeCounts> share = new HashMap<>();
            aggregator.countDistinctCustomers(runId, org, touchpoints, share, bucket, 3);
            share.forEach((scope, counts) -> {
                long[] sum = shares.computeIfAbsent(scope, s -> new long[customers(null).length]);
                long[] add = customers(counts);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += add[i];
                }
            });
        }

        TreeSet<ScopeRef> scopes = new TreeSet<>(onePass.keySet());
        scopes.addAll(shares.keySet());
        assertThat(scopes).hasSizeGreaterThan(10);
        for (ScopeRef scope : scopes) {
            assertThat(shares.getOrDefault(scope, customers(null))).as(scope.label())
                    .containsExactly(customers(onePass.get(scope)));
        }
    }

    /** An aggregator of this context's beans, but with its own pass size and only {@code recorder} listening. */
    private MetricAggregator aggregatorWith(int customersPerPass, Recorder recorder) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("recorder", recorder));
        ObjectProvider<CustomerPassListener> listeners = beans.getBeanProvider(CustomerPassListener.class);
        BatchSettings settings = new BatchSettings(null, null, null, null, null, null, null, null, customersPerPass);
        return new MetricAggregator(jdbc, dataSource, exclusions, organisation, tallies, listeners, settings);
    }

    /** Sees the answers and contacts each pass hands over, and in which pass each customer came. */
    private static final class Recorder implements CustomerPassListener, CustomerPassListener.Counting {
        int passes;
        final Map<String, Long> rows = new java.util.TreeMap<>();
        final Map<String, Integer> passOfCustomer = new HashMap<>();
        final List<String> customersSeenInTwoPasses = new ArrayList<>();
        /** This pass's customer numbers, with the customer each was first given to. */
        final Map<Integer, String> numbered = new HashMap<>();
        final List<String> numbersShared = new ArrayList<>();
        int largestPass;
        boolean contactsSeen;
        int contactsBeforeAnswersEnded;

        @Override
        public Counting start(long runId) {
            return this;
        }

        @Override
        public void answer(String customerId, int customer, String touchpointId) {
            if (contactsSeen) {
                contactsBeforeAnswersEnded++;
            }
            seen(customerId, customer);
            rows.merge("answer " + customerId + " " + touchpointId, 1L, Long::sum);
        }

        @Override
        public void contact(String customerId, int customer, String touchpointId, boolean firstContactResolved) {
            contactsSeen = true;
            seen(customerId, customer);
            rows.merge("contact " + customerId + " " + touchpointId + " " + firstContactResolved, 1L, Long::sum);
        }

        private void seen(String customerId, int customer) {
            Integer pass = passOfCustomer.putIfAbsent(customerId, passes);
            if (pass != null && pass != passes) {
                customersSeenInTwoPasses.add(customerId);
            }
            String before = numbered.putIfAbsent(customer, customerId);
            if (before != null && !before.equals(customerId)) {
                numbersShared.add(customer + ": " + before + ", " + customerId);
            }
        }

        @Override
        public void passEnded() {
            passes++;
            largestPass = Math.max(largestPass, numbered.size());
            if (!numbered.isEmpty() && java.util.Collections.max(numbered.keySet()) != numbered.size() - 1) {
                numbersShared.add("numbers of pass " + passes + " are not 0 … " + (numbered.size() - 1));
            }
            numbered.clear();
            contactsSeen = false;
        }

        @Override
        public void finished() {
        }
    }

    private static long[] customers(ScopeCounts c) {
        return java.util.Arrays.stream(Counter.values()).filter(k -> k.rollUp() == Counter.RollUp.DISTINCT_CUSTOMERS)
                .mapToLong(k -> c == null ? 0 : c.get(k)).toArray();
    }

    private static java.util.Set<Path> tempFolders() throws IOException {
        try (Stream<Path> paths = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new java.util.HashSet<>(paths.filter(p -> p.getFileName().toString().startsWith("promise-ledger-customer-passes"))
                    .toList());
        }
    }

    /** Runs the demo company's 2026-Q3 and returns the run's id. */
    private long runDemoQuarter() throws Exception {
        return DemoQuarter.run(runner, temp);
    }
}
