package org.promiseledger.web.identity;

import org.promiseledger.support.OnH2;

@OnH2
class IdentityStoreOnH2FunctionalTests extends IdentityStoreFunctionalTests {
}
