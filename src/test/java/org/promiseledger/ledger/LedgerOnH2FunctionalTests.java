package org.promiseledger.ledger;

import org.promiseledger.support.OnH2;

@OnH2
class LedgerOnH2FunctionalTests extends LedgerFunctionalTests {
}
