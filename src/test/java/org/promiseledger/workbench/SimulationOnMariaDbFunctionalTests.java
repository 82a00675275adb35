package org.promiseledger.workbench;

import org.promiseledger.support.OnMariaDb;

@OnMariaDb
class SimulationOnMariaDbFunctionalTests extends SimulationFunctionalTests {
}
