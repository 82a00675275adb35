package org.promiseledger.scoring;

/** A kind of scope the CX weights table gives weights for: CUSTOMER_FACING or INTERNAL_ONLY. */
public record CxProfile(String name) {
}
