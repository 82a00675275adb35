package org.promiseledger.runs;

import java.nio.file.Path;
import java.util.List;

import org.promiseledger.rules.RuleProblem;

/**
 * The plan's sense, checked before a run starts, beyond compiling its rules: CX and role weights add up to 1, every
 * weighted metric and component is one the engine knows, every role has a payout cap, the curve's points go up. A
 * plan that fails would pay everyone on an analyst's slip, so the run is refused (exit 2) with the same problems
 * `rules validate` lists. Implemented by the analysts' workbench, which owns those checks.
 */
public interface PlanCheck {

    /** @return every problem of the compiled plan in the folder, each at its file and place; empty when it makes sense */
    List<RuleProblem> problems(Path rulesDir);

    /** Every check's problems, as the run and the dry check print them. */
    static List<String> problemsOf(List<PlanCheck> checks, Path rulesDir) {
        return checks.stream().flatMap(check -> check.problems(rulesDir).stream()).map(Object::toString).toList();
    }
}
