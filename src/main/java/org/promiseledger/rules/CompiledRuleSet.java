package org.promiseledger.rules;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/** A rules folder compiled into a knowledge base, with the version of the files it was compiled from. */
public record CompiledRuleSet(String version, KieBase kieBase) {

    public KieSession newSession() {
        return kieBase.newKieSession();
    }

    public String shortVersion() {
        return RuleSetFolder.shortVersion(version);
    }
}
