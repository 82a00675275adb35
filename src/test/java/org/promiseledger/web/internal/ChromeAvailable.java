package org.promiseledger.web.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the browser tests when Debian's chromium-driver is installed (.ci/run installs it). Without it they are
 * skipped with a loud message, except under CI=true, where they run (and fail) rather than skip silently.
 */
class ChromeAvailable implements ExecutionCondition {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(CHROMEDRIVER)) {
            return ConditionEvaluationResult.enabled("chromedriver at " + CHROMEDRIVER);
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: browser tests must run, and will fail without chromedriver");
        }
        System.err.println("\n*** SKIPPING browser tests of " + context.getDisplayName() + ": no " + CHROMEDRIVER
                + " (apt-get install -y chromium chromium-driver, or set CI=true to make this a failure) ***\n");
        return ConditionEvaluationResult.disabled("no " + CHROMEDRIVER);
    }
}
