package org.promiseledger.integrity.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.metrics.CustomerPassListener;

/**
 * Counts, per touchpoint, what SELECTIVE_SURVEYING and REPEAT_RESPONDENTS judge, from a run's answers and contacts
 * fed one customer pass at a time (all of a customer's rows in the same pass, answers before contacts): memory grows
 * with a pass's customers, not with rows. Fed either by aggregation's own streamed read (as its
 * {@link CustomerPassListener}) or, through metrics' {@link org.promiseledger.metrics.CustomerPassReads}, by the same read
 * started by {@link IntegrityCounts}.
 */
class RespondentTally implements CustomerPassListener.Counting {

    private final Map<String, long[]> contacts = new HashMap<>();
    private final Map<String, long[]> repeats = new HashMap<>();
    private final Runnable whenFinished;
    private Map<String, Integer> touchpointIndex = new HashMap<>();
    private List<String> touchpoints = new ArrayList<>();
    /** The pass's customers' answers, by their number in the pass (null: no answer yet). */
    private Answers[] answers = new Answers[1024];

    /** @param whenFinished what {@link #finished()} does with the counts (store them with the run) */
    RespondentTally(Runnable whenFinished) {
        this.whenFinished = whenFinished;
    }

    @Override
    public void answer(String customerId, int customer, String touchpointId) {
        int index = touchpointIndex.computeIfAbsent(touchpointId, t -> {
            touchpoints.add(t);
            return touchpoints.size() - 1;
        });
        if (customer >= answers.length) {
            answers = Arrays.copyOf(answers, Math.max(customer + 1, answers.length * 2));
        }
        if (answers[customer] == null) {
            answers[customer] = new Answers();
        }
        answers[customer].add(index);
    }

    @Override
    public void contact(String customerId, int customer, String touchpointId, boolean firstContactResolved) {
        long[] row = contacts.computeIfAbsent(touchpointId, t -> new long[4]);
        row[0]++;
        if (firstContactResolved) {
            row[1]++;
        }
        Answers answered = customer < answers.length ? answers[customer] : null;
        Integer index = touchpointIndex.get(touchpointId);
        if (answered != null && index != null && answered.has(index)) {
            row[2]++;
            if (firstContactResolved) {
                row[3]++;
            }
        }
    }

    @Override
    public void passEnded() {
        for (Answers customer : answers) {
            if (customer == null) {
                continue;
            }
            for (int i = 0; i < customer.size; i++) {
                long count = customer.counts[i];
                long[] row = repeats.computeIfAbsent(touchpoints.get(customer.touchpoints[i]), t -> new long[3]);
                row[0] += count;
                if (count >= SignalRules.REPEAT_ANSWERS) {
                    row[1] += count;
                    row[2]++;
                }
            }
        }
        touchpointIndex = new HashMap<>();
        touchpoints = new ArrayList<>();
        answers = new Answers[1024];
    }

    @Override
    public void finished() {
        whenFinished.run();
    }

    IntegrityCounts.RespondentCounts counts() {
        return new IntegrityCounts.RespondentCounts(contacts, repeats);
    }

    /** One customer's answer count per touchpoint (index into the pass's touchpoints): a handful, so small arrays. */
    private static final class Answers {
        private int[] touchpoints = new int[2];
        private int[] counts = new int[2];
        private int size;

        void add(int touchpoint) {
            for (int i = 0; i < size; i++) {
                if (touchpoints[i] == touchpoint) {
                    counts[i]++;
                    return;
                }
            }
            if (size == touchpoints.length) {
                touchpoints = Arrays.copyOf(touchpoints, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            touchpoints[size] = touchpoint;
            counts[size++] = 1;
        }

        boolean has(int touchpoint) {
            for (int i = 0; i < size; i++) {
                if (touchpoints[i] == touchpoint) {
                    return true;
                }
            }
            return false;
        }
    }
}
