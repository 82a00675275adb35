package org.promiseledger.ingest;

import org.promiseledger.support.OnMariaDb;

@OnMariaDb
class InputLimitsOnMariaDbFunctionalTests extends InputLimitsFunctionalTests {
}
