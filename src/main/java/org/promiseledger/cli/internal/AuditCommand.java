package org.promiseledger.cli.internal;

import java.util.List;
import java.util.concurrent.Callable;

import org.promiseledger.ledger.AuditLog;
import org.promiseledger.ledger.LedgerVerifier;
import org.promiseledger.period.Period;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Component
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Checks the ledger and shows who did what.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Log.class})
public class AuditCommand {

    @Component
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Recomputes every ledger hash chain and names the first row that does not match.",
                    "Exit 0 when every chain is intact, 1 when one is not."})
    static class Verify implements Callable<Integer> {
        private final LedgerVerifier verifier;
        private final AuditLog audit;

        Verify(LedgerVerifier verifier, AuditLog audit) {
            this.verifier = verifier;
            this.audit = audit;
        }

        @Override
        public Integer call() {
            List<LedgerVerifier.TableCheck> checks = verifier.verify();
            boolean intact = true;
            for (LedgerVerifier.TableCheck check : checks) {
                if (check.intact()) {
                    System.out.printf("%-15s %,10d rows  chain intact%n", check.table().table(), check.rows());
                } else {
                    intact = false;
                    System.out.printf("%-15s BROKEN at id %d: %s%n", check.table().table(), check.firstBreak().id(),
                            check.firstBreak().whatDiffers());
                }
            }
            audit.record(Actions.user(null), "AUDIT_VERIFY", null, null, intact ? "intact" : "broken");
            System.out.println(intact ? "Ledger intact." : "Ledger NOT intact: see the rows named above.");
            return intact ? 0 : 1;
        }
    }

    @Component
    @Command(name = "log", mixinStandardHelpOptions = true, description = "Every action: runs, approvals, adjustments, exports, rules changes.")
    static class Log implements Callable<Integer> {
        @Option(names = "--period", description = "only this quarter")
        String period;

        private final AuditLog audit;

        Log(AuditLog audit) {
            this.audit = audit;
        }

        @Override
        public Integer call() {
            String only = period == null ? null : Period.parse(period).toString();
            for (AuditLog.Entry e : audit.entries(only)) {
                System.out.printf("%s  %-10s %-18s %-7s %-5s %s%n", e.at(), ConsoleText.safe(e.actor()), e.action(),
                        e.period() == null ? "" : e.period(), e.runId() == null ? "" : e.runId(), ConsoleText.safe(e.details()));
            }
            return 0;
        }
    }
}
