package org.promiseledger.integrity;

import org.promiseledger.support.OnMariaDb;

@OnMariaDb
class IntegrityJobOnMariaDbFunctionalTests extends IntegrityJobFunctionalTests {
}
