package org.promiseledger.integrity;

import org.promiseledger.support.OnH2;

@OnH2
class IntegrityJobOnH2FunctionalTests extends IntegrityJobFunctionalTests {
}
