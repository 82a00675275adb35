package org.promiseledger.ingest;

import org.promiseledger.support.OnH2;

@OnH2
class StagedIdsOnH2FunctionalTests extends StagedIdsFunctionalTests {
}
