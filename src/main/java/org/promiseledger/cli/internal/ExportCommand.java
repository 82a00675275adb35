package org.promiseledger.cli.internal;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.promiseledger.export.CsvExports;
import org.promiseledger.export.PayrollExport;
import org.promiseledger.integrity.IntegrityExport;
import org.promiseledger.period.Period;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Component
@Command(name = "export", mixinStandardHelpOptions = true, description = "Writes a period's results as CSV.",
        subcommands = {ExportCommand.Metrics.class, ExportCommand.Payouts.class, ExportCommand.Decisions.class, ExportCommand.Rejects.class,
                ExportCommand.Payroll.class, ExportCommand.Integrity.class})
public class ExportCommand {

    abstract static class ExportTo implements Callable<Integer> {
        @Option(names = "--period", required = true, description = "the quarter, e.g. 2026-Q3")
        String period;

        @Option(names = "--out", required = true, description = "the CSV file to write")
        Path out;

        final CsvExports exports;

        ExportTo(CsvExports exports) {
            this.exports = exports;
        }

        abstract CsvExports.Exported export(Period period, Path out) throws Exception;

        @Override
        public Integer call() throws Exception {
            Period p;
            try {
                p = Period.parse(period);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            try {
                CsvExports.Exported done = export(p, out);
                System.out.printf("Wrote %,d rows of run %d to %s%n", done.rows(), done.runId(), out);
                return 0;
            } catch (IllegalStateException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
    }

    @Component
    @Command(name = "metrics", mixinStandardHelpOptions = true,
            description = "period,scope,department_id,metric,value,sample_size,status of the period's latest run")
    static class Metrics extends ExportTo {
        Metrics(CsvExports exports) {
            super(exports);
        }

        @Override
        CsvExports.Exported export(Period period, Path out) throws Exception {
            return exports.metrics(period, out);
        }
    }

    @Component
    @Command(name = "payouts", mixinStandardHelpOptions = true,
            description = "period,employee_id,role,department_id,target_bonus,score,amount,rule_set_version,run_id")
    static class Payouts extends ExportTo {
        Payouts(CsvExports exports) {
            super(exports);
        }

        @Override
        CsvExports.Exported export(Period period, Path out) throws Exception {
            return exports.payouts(period, out);
        }
    }

    @Component
    @Command(name = "decisions", mixinStandardHelpOptions = true,
            description = "period,employee_id,segment_from,kind,applies,outcome,measure,value,rule_name,run_id: what the rules"
                    + " decided about each payout (customer gate, cap, fallbacks, proration), as booked")
    static class Decisions extends ExportTo {
        Decisions(CsvExports exports) {
            super(exports);
        }

        @Override
        CsvExports.Exported export(Period period, Path out) throws Exception {
            return exports.decisions(period, out);
        }
    }

    @Component
    @Command(name = "rejects", mixinStandardHelpOptions = true, description = "file,line,column,reason,value")
    static class Rejects extends ExportTo {
        Rejects(CsvExports exports) {
            super(exports);
        }

        @Override
        CsvExports.Exported export(Period period, Path out) throws Exception {
            return exports.rejects(period, out);
        }
    }

    @Component
    @Command(name = "integrity", mixinStandardHelpOptions = true,
            description = {"period,touchpoint_id,department_id,signal,statistic,p_value,detail of the period's latest run:",
                    "the score-integrity signals, by touchpoint then signal."})
    static class Integrity extends ExportTo {
        private final IntegrityExport integrity;

        Integrity(CsvExports exports, IntegrityExport integrity) {
            super(exports);
            this.integrity = integrity;
        }

        @Override
        CsvExports.Exported export(Period period, Path out) throws Exception {
            return integrity.export(period, out);
        }
    }

    @Component
    @Command(name = "payroll", mixinStandardHelpOptions = true,
            description = {"period,employee_id,net_amount,currency,run_id,rule_set_version of the approved run;",
                    "net = payout + adjustments booked so far. Marks the run EXPORTED; exporting again gives the same bytes."})
    static class Payroll implements Callable<Integer> {
        @Option(names = "--period", required = true, description = "the quarter, e.g. 2026-Q3")
        String period;

        @Option(names = "--out", required = true, description = "the CSV file to write")
        Path out;

        @Option(names = "--as", description = "who exports (default: the operating-system user)")
        String as;

        private final PayrollExport payroll;

        Payroll(PayrollExport payroll) {
            this.payroll = payroll;
        }

        @Override
        public Integer call() {
            return Actions.report(() -> payroll.export(Period.parse(period), out, Actions.user(as)));
        }
    }
}
