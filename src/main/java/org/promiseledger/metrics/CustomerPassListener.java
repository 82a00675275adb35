package org.promiseledger.metrics;

/**
 * Sees the staged survey answers and contacts that aggregation streams, customer pass by customer pass, to count
 * distinct customers, so that another feature counting per customer (integrity's respondent counts) needs no read of
 * the rows of its own. All of a customer's rows arrive in the same pass. Implemented by that feature; a run whose
 * customers were counted by remote workers calls none, and the feature then reads the rows itself.
 */
public interface CustomerPassListener {

    /** A run's counting, started when aggregation starts counting the run's customers here. */
    Counting start(long runId);

    /**
     * One run's counting; not shared between threads. Each row comes with the customer's number within the pass (0, 1,
     * 2… in the order customers first appear, the same for all their rows until {@link #passEnded()}), so that a
     * counting can keep per-customer state in an array instead of looking the id up again.
     */
    interface Counting {

        void answer(String customerId, int customer, String touchpointId);

        void contact(String customerId, int customer, String touchpointId, boolean firstContactResolved);

        /** Every answer, then every contact, of the pass's customers has been seen. */
        void passEnded();

        /** Every pass is done: keep the counts with the run, in the aggregation step's transaction. */
        void finished();
    }
}
