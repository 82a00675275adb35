package org.promiseledger.cli;

import java.util.concurrent.Callable;

import org.promiseledger.cli.internal.AdjustCommand;
import org.promiseledger.cli.internal.ApproveCommand;
import org.promiseledger.cli.internal.AuditCommand;
import org.promiseledger.cli.internal.BenchCommand;
import org.promiseledger.cli.internal.DemoCommand;
import org.promiseledger.cli.internal.ExportCommand;
import org.promiseledger.cli.internal.IntegrityCommand;
import org.promiseledger.cli.internal.RulesCommand;
import org.promiseledger.cli.internal.RunCommand;
import org.promiseledger.cli.internal.SimulateCommand;
import org.promiseledger.cli.internal.TokensCommand;
import org.promiseledger.cli.internal.UsersCommand;
import org.promiseledger.cli.internal.WorkerCommand;
import org.promiseledger.web.ServeCommand;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;

/** The jar's command line; with no command it runs the demo, so a newcomer sees the whole product at once. */
@Component
@Command(name = "promise-ledger", mixinStandardHelpOptions = true, version = "Promise Ledger 0.1.0",
        description = "Links bonuses to what each department does to customers: quarterly metrics, Drools plan, auditable ledger.",
        subcommands = {DemoCommand.class, RunCommand.class, ExportCommand.class, ApproveCommand.class, AdjustCommand.class,
                AuditCommand.class, IntegrityCommand.class, UsersCommand.class,
                RulesCommand.class, SimulateCommand.class, BenchCommand.class, ServeCommand.class, TokensCommand.class,
                WorkerCommand.class},
        footer = {"", "Exit status: 0 success; 1 failed where a retry can help (the database went away, the process was killed):",
                "run the same command again to restart it; 2 will fail the same way until fixed: bad usage, bad input,",
                "rules or decision tables, bad settings, a value that cannot be stored. Details: data/promise-ledger.log."})
class PromiseLedgerCommand implements Callable<Integer> {

    private final DemoCommand demo;

    PromiseLedgerCommand(DemoCommand demo) {
        this.demo = demo;
    }

    @Override
    public Integer call() throws Exception {
        return demo.call();
    }
}
