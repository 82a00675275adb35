package org.promiseledger.support.modularity.owner.internal;

/** Fixture for ModularityTests: an internal class of the feature `owner`. */
public class Hidden {

    public static int answer() {
        return 42;
    }
}
