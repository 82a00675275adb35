package org.promiseledger.integrity;

/** A reviewer's verdict on a signal: the surveys stand (CLEARED) or are left out of the metrics (EXCLUDED). */
public enum Decision {
    CLEARED,
    EXCLUDED
}
