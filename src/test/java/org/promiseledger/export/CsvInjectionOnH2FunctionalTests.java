package org.promiseledger.export;

import org.promiseledger.support.OnH2;

@OnH2
class CsvInjectionOnH2FunctionalTests extends CsvInjectionFunctionalTests {
}
