package org.promiseledger.runs;

import org.promiseledger.support.OnH2;

@OnH2
class BatchConfigSettingsOnH2FunctionalTests extends BatchConfigSettingsFunctionalTests {
}
