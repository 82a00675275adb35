package org.promiseledger.ingest;

import org.promiseledger.support.OnH2;

@OnH2
class IngestRejectsOnH2FunctionalTests extends IngestRejectsFunctionalTests {
}
