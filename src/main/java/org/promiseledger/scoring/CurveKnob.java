package org.promiseledger.scoring;

/** A point of the attainment curve the curve table sets: AT_THRESHOLD, AT_TARGET, AT_STRETCH or CAP. */
public record CurveKnob(String name) {
}
