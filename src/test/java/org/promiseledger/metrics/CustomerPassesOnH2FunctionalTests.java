package org.promiseledger.metrics;

import org.promiseledger.support.OnH2;

@OnH2
class CustomerPassesOnH2FunctionalTests extends CustomerPassesFunctionalTests {
}
