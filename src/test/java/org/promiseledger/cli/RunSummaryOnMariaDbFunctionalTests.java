package org.promiseledger.cli;

import org.promiseledger.support.OnMariaDb;

@OnMariaDb
class RunSummaryOnMariaDbFunctionalTests extends RunSummaryFunctionalTests {
}
