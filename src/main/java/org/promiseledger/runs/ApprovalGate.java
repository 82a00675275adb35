package org.promiseledger.runs;

import java.util.Optional;

/** Something that must be settled before a run can be approved (e.g. open integrity signals); empty when it is. */
public interface ApprovalGate {

    Optional<String> refusal(QuarterlyRunRecord run);
}
