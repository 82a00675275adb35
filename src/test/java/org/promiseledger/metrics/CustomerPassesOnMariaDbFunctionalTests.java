package org.promiseledger.metrics;

import org.promiseledger.support.OnMariaDb;

@OnMariaDb
class CustomerPassesOnMariaDbFunctionalTests extends CustomerPassesFunctionalTests {
}
