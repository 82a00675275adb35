package org.promiseledger.support.modularity.other;

import org.promiseledger.support.modularity.owner.internal.Hidden;

/** Fixture for ModularityTests: another feature reaching into `owner`'s internals, which the rule must refuse. */
public class Intruder {

    public int answer() {
        return Hidden.answer();
    }
}
