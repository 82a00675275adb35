package org.promiseledger.ingest;

import org.promiseledger.support.OnH2;

@OnH2
class InputLimitsOnH2FunctionalTests extends InputLimitsFunctionalTests {
}
