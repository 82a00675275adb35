package org.promiseledger.workbench;

import org.promiseledger.support.OnH2;

@OnH2
class SimulationOnH2FunctionalTests extends SimulationFunctionalTests {
}
