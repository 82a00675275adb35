package org.promiseledger.cli;

import org.promiseledger.support.OnH2;

@OnH2
class RunSummaryOnH2FunctionalTests extends RunSummaryFunctionalTests {
}
