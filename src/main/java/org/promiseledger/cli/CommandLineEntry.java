package org.promiseledger.cli;

import java.util.Arrays;

import org.promiseledger.runs.FailureClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Hands the arguments to picocli and keeps its exit status for {@code SpringApplication.exit}. Spring properties
 * given as {@code --spring.x=...} or {@code --promise-ledger.x=...} are Spring Boot's, not commands, so they are
 * left out. Tests switch it off with {@code promise-ledger.cli.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "promise-ledger.cli.enabled", havingValue = "true", matchIfMissing = true)
class CommandLineEntry implements CommandLineRunner, ExitCodeGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(CommandLineEntry.class);

    private final PromiseLedgerCommand command;
    private final IFactory factory;
    private int exitCode;

    CommandLineEntry(PromiseLedgerCommand command, IFactory factory) {
        this.command = command;
        this.factory = factory;
    }

    @Override
    public void run(String... args) {
        String[] commandArgs = Arrays.stream(args).filter(a -> !isSpringProperty(a)).toArray(String[]::new);
        exitCode = new CommandLine(command, factory).setExecutionExceptionHandler(CommandLineEntry::failed).execute(commandArgs);
    }

    /**
     * A command that throws: one line for the operator (with "run again" only when a retry can help), the stack trace
     * to the log file, and the exit status of the failure's class.
     */
    private static int failed(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        LOG.error("{} failed", command.getCommandName(), failure);
        FailureClass failureClass = FailureClass.of(failure);
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = failure.getMessage() == null ? cause.getClass().getSimpleName() : failure.getMessage();
        command.getErr().println(command.getCommandName() + ": " + message
                + (failureClass == FailureClass.RETRY_CAN_HELP ? " (fix the cause and run the same command again)" : ""));
        return failureClass.exitCode();
    }

    private static boolean isSpringProperty(String arg) {
        return arg.startsWith("--spring.") || arg.startsWith("--promise-ledger.") || arg.startsWith("--logging.")
                || arg.startsWith("--server.");
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
