package org.promiseledger.runs;

import org.promiseledger.support.OnH2;

@OnH2
class MidQuarterChangesOnH2FunctionalTests extends MidQuarterChangesFunctionalTests {
}
