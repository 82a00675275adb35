package org.promiseledger.rules;

import java.util.List;
import java.util.stream.Collectors;

/** The rules folder does not compile: nothing may be calculated with it. */
public class RuleCompilationException extends RuntimeException {

    private final List<RuleProblem> problems;

    public RuleCompilationException(List<RuleProblem> problems) {
        super("the rules do not compile:\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
