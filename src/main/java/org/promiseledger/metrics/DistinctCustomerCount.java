package org.promiseledger.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One count of distinct customers per scope (DESIGN, "Metrics": customers touched; churned customers whose last
 * touchpoint the scope owns; customers of either kind), for all the customers of a run or for one share of them (a
 * remote partition's). Each customer's departments are marked in memory, then the customer is counted once per scope
 * it reached. Memory grows with customers, not rows: past a pass's worth of customers they are split by hash into
 * passes. The database is read once whatever the number of passes, by {@link ReadAhead} while the rows are counted;
 * with more than one pass, the rows wait in {@link CustomerPassFiles} on local disk and each pass reads back its own
 * customers' rows.
 *
 * <p>Every {@link CustomerPassListener.Counting} sees each pass's answers and contacts (those of excluded touchpoints
 * too: integrity judges them all), then {@code passEnded()}.
 */
final class DistinctCustomerCount {

    /**
     * Reads every staged row of one kind of the run, in file order, and hands each to {@code rows}; called on a thread
     * of its own ({@link ReadAhead}), so it must not need the step's transaction.
     */
    interface Reader {
        void read(CustomerRows.Kind kind, RawRow rows);
    }

    /** A row as read: customer id, touchpoint id, flag (false where the kind has none). */
    interface RawRow {
        void row(String customerId, String touchpointId, boolean flag);
    }

    private final Map<String, List<String>> chains = new HashMap<>();
    private final List<String> departments = new ArrayList<>();
    private final Map<String, Integer> touchpointIndex = new HashMap<>();
    private final List<String> touchpointIds = new ArrayList<>();
    /** Per touchpoint index: the owning department's index, or -1 where its rows count for no department. */
    private int[] owner = new int[0];
    /** The same for survey answers: -1 also where the run excludes the touchpoint's answers. */
    private int[] surveyedOwner = new int[0];
    private final CustomerTally tally;
    private final List<CustomerPassListener.Counting> countings;

    /**
     * @param touchpoints          the run's touchpoints with their owners (all of them, even in a remote share)
     * @param excludedTouchpoints  those whose survey answers the run excludes
     * @param counts               filled: CUSTOMERS_TOUCHED, CHURNED and TOUCHED_OR_CHURNED per scope reached
     */
    DistinctCustomerCount(OrgChart org, Iterable<MetricAggregator.TouchpointCounts> touchpoints,
            Set<String> excludedTouchpoints, Map<ScopeRef, ScopeCounts> counts, List<CustomerPassListener.Counting> countings) {
        org.departments().forEach(d -> chains.put(d, org.selfAndAncestors(d)));
        Map<String, Integer> departmentIndex = new HashMap<>();
        for (MetricAggregator.TouchpointCounts t : touchpoints) {
            int department = departmentIndex.computeIfAbsent(t.owner(), o -> {
                departments.add(o);
                return departments.size() - 1;
            });
            add(t.touchpointId(), department, excludedTouchpoints.contains(t.touchpointId()) ? -1 : department);
        }
        this.tally = new CustomerTally(chains, counts);
        this.countings = countings;
    }

    /**
     * Counts the customers of share {@code bucket} of {@code buckets} (0 of 1: all), in {@code passes} passes: a
     * customer belongs to the share, and to a pass within it, by {@code Math.floorMod(customerId.hashCode(), buckets *
     * passes)}, whose remainder by {@code buckets} is the share and whose quotient is the pass.
     */
    void count(Reader reader, int bucket, int buckets, int passes) {
        int slices = buckets * passes;
        if (passes == 1) {
            Pass pass = new Pass();
            readAll(reader, row -> {
                if (buckets == 1 || Math.floorMod(row.customerId().hashCode(), buckets) == bucket) {
                    pass.row(row.kind(), row.customerId(), touchpoint(row.touchpointId()), row.flag());
                }
            });
            pass.end();
            return;
        }
        try (CustomerPassFiles files = new CustomerPassFiles(passes)) {
            readAll(reader, row -> {
                int slice = Math.floorMod(row.customerId().hashCode(), slices);
                if (slice % buckets == bucket) {
                    files.write(slice / buckets, row.kind(), row.customerId(), touchpoint(row.touchpointId()), row.flag());
                }
            });
            files.finishWriting();
            for (int p = 0; p < passes; p++) {
                int number = p;
                Pass pass = new Pass();
                // the file is decoded on a thread of its own while this one counts, as the database's rows were
                try (ReadAhead<PassRow> rows = new ReadAhead<>("customer-pass-" + p, sink -> files.replay(number,
                        (kind, customer, touchpoint, flag) -> sink.accept(new PassRow(kind, customer, touchpoint, flag))))) {
                    rows.forEachRemaining(row -> pass.row(row.kind(), row.customerId(), row.touchpoint(), row.flag()));
                }
                pass.end();
            }
        }
    }

    /** A row read back from a pass file. */
    private record PassRow(CustomerRows.Kind kind, String customerId, int touchpoint, boolean flag) {
    }

    /** A row of any kind, its touchpoint id not yet indexed. */
    private record KindedRow(CustomerRows.Kind kind, String customerId, String touchpointId, boolean flag) {
    }

    /**
     * Reads every kind of row, in {@link CustomerRows.Kind} order, on a thread of its own ({@link ReadAhead}) while
     * this thread counts them: the driver decodes the next rows while the last ones are counted.
     */
    private static void readAll(Reader reader, Consumer<KindedRow> rows) {
        try (ReadAhead<KindedRow> ahead = new ReadAhead<>("customer-rows-read-ahead", sink -> {
            for (CustomerRows.Kind kind : CustomerRows.Kind.values()) {
                reader.read(kind, (customer, touchpoint, flag) -> sink.accept(new KindedRow(kind, customer, touchpoint, flag)));
            }
        })) {
            ahead.forEachRemaining(rows);
        }
    }

    private int touchpoint(String id) {
        Integer index = touchpointIndex.get(id);
        return index != null ? index : add(id, -1, -1); // not a touchpoint of the run: its rows count for nobody
    }

    private int add(String touchpointId, int ownerIndex, int surveyedOwnerIndex) {
        int index = touchpointIds.size();
        touchpointIds.add(touchpointId);
        touchpointIndex.put(touchpointId, index);
        owner = Arrays.copyOf(owner, index + 1);
        surveyedOwner = Arrays.copyOf(surveyedOwner, index + 1);
        owner[index] = ownerIndex;
        surveyedOwner[index] = surveyedOwnerIndex;
        return index;
    }

    /** One pass: the marks of its customers, and the listeners told when its answers and contacts are done. */
    private final class Pass implements CustomerRows {
        private final CustomerNumbers numbers = new CustomerNumbers();
        /**
         * Per customer number: the distinct (department index, touched or churned) marks, packed as department << 1 |
         * churn, after their count in [0]; a customer reaches a handful of departments, so a small array each.
         */
        private int[][] marks = new int[1024][];
        private boolean answersAndContactsSeen;

        @Override
        public void row(Kind kind, String customerId, int touchpoint, boolean flag) {
            switch (kind) {
                case ANSWER -> {
                    int customer = numbers.numberOf(customerId);
                    String touchpointId = touchpointIds.get(touchpoint);
                    countings.forEach(c -> c.answer(customerId, customer, touchpointId));
                    mark(customer, surveyedOwner[touchpoint], false);
                }
                case CONTACT -> {
                    int customer = numbers.numberOf(customerId);
                    String touchpointId = touchpointIds.get(touchpoint);
                    countings.forEach(c -> c.contact(customerId, customer, touchpointId, flag));
                    mark(customer, owner[touchpoint], false);
                }
                case COMPLAINT -> {
                    answersAndContactsEnded();
                    if (owner[touchpoint] >= 0) {
                        mark(numbers.numberOf(customerId), owner[touchpoint], false);
                    }
                }
                case CHURN -> {
                    answersAndContactsEnded();
                    if (owner[touchpoint] >= 0) {
                        mark(numbers.numberOf(customerId), owner[touchpoint], true);
                    }
                }
            }
        }

        /** @param department the department's index, or -1 when the row counts for none */
        private void mark(int customer, int department, boolean churn) {
            if (customer >= marks.length) {
                marks = Arrays.copyOf(marks, Math.max(customer + 1, marks.length * 2));
            }
            if (department < 0) {
                return;
            }
            int item = department << 1 | (churn ? 1 : 0);
            int[] items = marks[customer];
            if (items == null) {
                marks[customer] = new int[] {1, item, 0};
                return;
            }
            int size = items[0];
            for (int i = 1; i <= size; i++) {
                if (items[i] == item) {
                    return;
                }
            }
            if (size + 1 == items.length) {
                items = Arrays.copyOf(items, items.length * 2);
                marks[customer] = items;
            }
            items[++size] = item;
            items[0] = size;
        }

        private void answersAndContactsEnded() {
            if (!answersAndContactsSeen) {
                answersAndContactsSeen = true;
                countings.forEach(CustomerPassListener.Counting::passEnded);
            }
        }

        /** Counts each of the pass's customers once per scope it reached. */
        void end() {
            answersAndContactsEnded();
            for (int customer = 0; customer < numbers.size(); customer++) {
                int[] items = marks[customer];
                if (items == null) {
                    continue;
                }
                for (int i = 1; i <= items[0]; i++) {
                    tally.add(departments.get(items[i] >> 1), (items[i] & 1) == 1);
                }
                tally.flush();
            }
        }
    }

    /** One customer at a time: the departments they touched and those owning their last touchpoint when they left. */
    private static final class CustomerTally {
        private final Map<String, List<String>> chains;
        private final Map<ScopeRef, ScopeCounts> counts;
        private final Set<String> touched = new HashSet<>();
        private final Set<String> churned = new HashSet<>();

        CustomerTally(Map<String, List<String>> chains, Map<ScopeRef, ScopeCounts> counts) {
            this.chains = chains;
            this.counts = counts;
        }

        /** Marks a department of the customer being tallied. */
        void add(String department, boolean churn) {
            (churn ? churned : touched).add(department);
        }

        /** Counts the customer being tallied in every scope marked, and starts the next customer. */
        void flush() {
            if (!touched.isEmpty()) {
                counts(ScopeRef.COMPANY).increment(Counter.CUSTOMERS_TOUCHED);
            }
            Set<String> touchedSubtrees = subtrees(touched);
            Set<String> churnedSubtrees = subtrees(churned);
            for (String d : touched) {
                counts(ScopeRef.department(d)).increment(Counter.CUSTOMERS_TOUCHED);
            }
            for (String d : churned) {
                counts(ScopeRef.department(d)).increment(Counter.CHURNED);
            }
            Set<String> either = new HashSet<>(touched);
            either.addAll(churned);
            either.forEach(d -> counts(ScopeRef.department(d)).increment(Counter.TOUCHED_OR_CHURNED));
            touchedSubtrees.forEach(d -> counts(ScopeRef.subtree(d)).increment(Counter.CUSTOMERS_TOUCHED));
            churnedSubtrees.forEach(d -> counts(ScopeRef.subtree(d)).increment(Counter.CHURNED));
            Set<String> eitherSubtrees = new HashSet<>(touchedSubtrees);
            eitherSubtrees.addAll(churnedSubtrees);
            eitherSubtrees.forEach(d -> counts(ScopeRef.subtree(d)).increment(Counter.TOUCHED_OR_CHURNED));
            touched.clear();
            churned.clear();
        }

        private Set<String> subtrees(Set<String> departments) {
            Set<String> roots = new HashSet<>();
            departments.forEach(d -> roots.addAll(chains.getOrDefault(d, List.of(d))));
            return roots;
        }

        private ScopeCounts counts(ScopeRef scope) {
            return counts.computeIfAbsent(scope, s -> new ScopeCounts());
        }
    }
}
