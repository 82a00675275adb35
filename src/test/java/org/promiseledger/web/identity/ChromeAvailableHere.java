package org.promiseledger.web.identity;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** As web's ChromeAvailable: run with Debian's chromium-driver, skip loudly without it, fail under CI=true. */
class ChromeAvailableHere implements ExecutionCondition {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(CHROMEDRIVER) || "true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("chromedriver at " + CHROMEDRIVER + " or CI=true");
        }
        System.err.println("\n*** SKIPPING browser tests of " + context.getDisplayName() + ": no " + CHROMEDRIVER + " ***\n");
        return ConditionEvaluationResult.disabled("no " + CHROMEDRIVER);
    }
}
