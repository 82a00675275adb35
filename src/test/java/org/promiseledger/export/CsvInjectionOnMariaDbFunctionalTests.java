package org.promiseledger.export;

import org.promiseledger.support.OnMariaDb;

@OnMariaDb
class CsvInjectionOnMariaDbFunctionalTests extends CsvInjectionFunctionalTests {
}
