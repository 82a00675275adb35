package org.promiseledger.scoring.internal;

import java.nio.file.Path;
import java.util.Set;

import org.promiseledger.ingest.PlanWeights;
import org.promiseledger.rules.RuleSetCompiler;
import org.promiseledger.scoring.PlanInspector;
import org.springframework.stereotype.Component;

/**
 * Answers the input check's question about the plan by compiling it and letting its tables fire on their own. Found by
 * Spring as ingest's {@code PlanWeights}; the rules never name it, so it lives outside the package they import.
 */
@Component
class CompiledPlanWeights implements PlanWeights {

    private final RuleSetCompiler compiler;

    CompiledPlanWeights(RuleSetCompiler compiler) {
        this.compiler = compiler;
    }

    @Override
    public Set<String> weightedMetrics(Path rulesDir) {
        return PlanInspector.weightedMetrics(compiler.compile(rulesDir));
    }
}
