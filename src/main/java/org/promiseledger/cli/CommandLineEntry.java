package org.promiseledger.cli;

import java.util.Arrays;

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
        exitCode = new CommandLine(command, factory).execute(commandArgs);
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
