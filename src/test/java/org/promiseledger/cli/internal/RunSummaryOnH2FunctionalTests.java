package org.promiseledger.cli.internal;

import org.promiseledger.support.OnH2;

@OnH2
class RunSummaryOnH2FunctionalTests extends RunSummaryFunctionalTests {
}
