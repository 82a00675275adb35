package org.promiseledger.scoring;

/** A role of employees.csv the role weights decision table gives weights for. */
public record Role(String name) {
}
