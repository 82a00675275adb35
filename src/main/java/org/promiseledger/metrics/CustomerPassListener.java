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

    /** One run's counting; not shared between threads. */
    interface Counting {

        void answer(String customerId, String touchpointId);

        void contact(String customerId, String touchpointId, boolean firstContactResolved);

        /** Every answer, then every contact, of the pass's customers has been seen. */
        void passEnded();

        /** Every pass is done: keep the counts with the run, in the aggregation step's transaction. */
        void finished();
    }
}
