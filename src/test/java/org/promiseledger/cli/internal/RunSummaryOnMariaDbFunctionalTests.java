package org.promiseledger.cli.internal;

import org.promiseledger.support.OnMariaDb;

@OnMariaDb
class RunSummaryOnMariaDbFunctionalTests extends RunSummaryFunctionalTests {
}
