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
        String pathFault = pathFault(failure);
        if (pathFault != null) {
            command.getErr().println(command.getCommandName() + ": " + pathFault);
            return FailureClass.FIX_AND_RERUN.exitCode();
        }
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

    /**
     * A file or folder the command was pointed at that cannot be used as given (an --out that is a folder, a folder
     * that does not exist, no permission): the same command fails the same way until the path is fixed, so exit 2,
     * and the path with the reason in words (the JDK's message is often the bare path). Null for anything else.
     */
    static String pathFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.nio.file.FileSystemException fault) {
                String reason = fault instanceof java.nio.file.NoSuchFileException ? "no such file or folder (does its folder exist?)"
                        : fault instanceof java.nio.file.AccessDeniedException ? "permission denied"
                        : fault instanceof java.nio.file.NotDirectoryException || "Not a directory".equals(fault.getReason())
                                ? "a file stands where a folder is needed"
                        : fault instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                        : "Is a directory".equals(fault.getReason()) ? "is a folder: give a file name" : null;
                return reason == null ? null : fault.getFile() + ": " + reason;
            }
        }
        return null;
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
