package org.promiseledger.metrics;

/** The three counts of customers.csv behind company RETENTION. */
record CompanyCustomers(long activeAtStart, long activeAtEnd, long acquiredInPeriod) {
}
