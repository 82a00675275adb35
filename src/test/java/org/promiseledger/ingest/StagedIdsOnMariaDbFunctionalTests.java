package org.promiseledger.ingest;

import org.promiseledger.support.OnMariaDb;

@OnMariaDb
class StagedIdsOnMariaDbFunctionalTests extends StagedIdsFunctionalTests {
}
