package org.promiseledger.runs;

import org.promiseledger.support.OnMariaDb;

@OnMariaDb
class MidQuarterChangesOnMariaDbFunctionalTests extends MidQuarterChangesFunctionalTests {
}
