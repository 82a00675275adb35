package org.promiseledger.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs RabbitMQ-backed tests when the local broker answers on 127.0.0.1:5672 (guest/guest). Without it they are
 * skipped with a loud message, except under CI=true, where they run (and fail) rather than skip silently.
 */
public class RabbitMqAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (reachable()) {
            return ConditionEvaluationResult.enabled("RabbitMQ answers on 127.0.0.1:5672");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: RabbitMQ tests must run, and will fail without the broker");
        }
        System.err.println("\n*** SKIPPING RabbitMQ tests of " + context.getDisplayName()
                + ": nothing answers on 127.0.0.1:5672 (start RabbitMQ, or set CI=true to make this a failure) ***\n");
        return ConditionEvaluationResult.disabled("RabbitMQ not reachable on 127.0.0.1:5672");
    }

    public static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5672), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
