package org.promiseledger.support.modularity.owner;

import org.promiseledger.support.modularity.owner.internal.Hidden;

/** Fixture for ModularityTests: the feature `owner` may use its own internals. */
public class Front {

    public int answer() {
        return Hidden.answer();
    }
}
