package org.promiseledger.ingest;

import org.promiseledger.support.OnH2;

@OnH2
class StagedTalliesOnH2FunctionalTests extends StagedTalliesFunctionalTests {
}
