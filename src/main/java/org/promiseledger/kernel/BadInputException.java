package org.promiseledger.kernel;

import java.util.List;

/** The inputs cannot be paid on (reject limit passed, a reference file with rejects, a missing target...): exit 2. */
public class BadInputException extends RuntimeException {

    private final List<String> problems;

    public BadInputException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
