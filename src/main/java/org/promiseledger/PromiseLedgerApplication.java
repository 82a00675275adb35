package org.promiseledger;

import org.promiseledger.runs.FailureClass;
import org.promiseledger.runs.partition.LocalWorkers;
import org.promiseledger.web.ServeCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.bind.BindException;

@SpringBootApplication
public class PromiseLedgerApplication {

    public static void main(String[] args) {
        System.exit(launch(args));
    }

    /** The exit status of one command: the command's own, or the class of the reason the application could not start. */
    static int launch(String[] args) {
        try {
            // `serve` runs in a servlet web application; every other command without a web server
            return SpringApplication.exit(SpringApplication.run(PromiseLedgerApplication.class,
                    LocalWorkers.launchArguments(ServeCommand.launchArguments(args))));
        } catch (RuntimeException startFailed) {
            // An operator needs the cause (database unreachable, bad setting), not three pages of Spring wiring;
            // the whole trace is in the log file.
            Throwable cause = startFailed;
            boolean badSetting = false;
            while (cause.getCause() != null && cause.getCause() != cause) {
                badSetting |= cause instanceof BindException;
                cause = cause.getCause();
            }
            if (badSetting || cause instanceof BindException) {
                System.err.println("promise-ledger: bad setting: " + cause.getMessage() + " (fix batch-config or the option; nothing was run)");
                return 2;
            }
            FailureClass failureClass = FailureClass.of(startFailed);
            System.err.println("promise-ledger could not start: " + cause.getMessage()
                    + (failureClass == FailureClass.RETRY_CAN_HELP ? " (fix the cause, e.g. start the database, and run the same command again)" : ""));
            return failureClass.exitCode();
        }
    }
}
