package org.promiseledger;

import org.promiseledger.partition.LocalWorkers;
import org.promiseledger.web.ServeCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PromiseLedgerApplication {

    public static void main(String[] args) {
        int status;
        try {
            // `serve` runs in a servlet web application; every other command without a web server
            status = SpringApplication.exit(SpringApplication.run(PromiseLedgerApplication.class,
                    LocalWorkers.launchArguments(ServeCommand.launchArguments(args))));
        } catch (RuntimeException startFailed) {
            // An operator needs the cause (database unreachable, bad setting), not three pages of Spring wiring.
            Throwable cause = startFailed;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            System.err.println("promise-ledger could not start: " + cause.getMessage());
            status = 1;
        }
        System.exit(status);
    }
}
