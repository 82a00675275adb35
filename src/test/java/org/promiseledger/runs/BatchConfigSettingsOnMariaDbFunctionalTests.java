package org.promiseledger.runs;

import org.promiseledger.support.OnMariaDb;

@OnMariaDb
class BatchConfigSettingsOnMariaDbFunctionalTests extends BatchConfigSettingsFunctionalTests {
}
