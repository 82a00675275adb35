package org.promiseledger.cli.internal;

import java.util.concurrent.Callable;

import org.promiseledger.integrity.Decision;
import org.promiseledger.integrity.IntegrityReviews;
import org.promiseledger.integrity.Signal;
import org.promiseledger.period.Period;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Component
@Command(name = "integrity", mixinStandardHelpOptions = true, description = "Score integrity: review the signals of a run.",
        subcommands = {IntegrityCommand.ReviewCommand.class})
public class IntegrityCommand {

    @Component
    @Command(name = "review", mixinStandardHelpOptions = true,
            description = {"Marks a signal of the period's latest run CLEARED (the surveys stand) or EXCLUDED (the next run",
                    "of the period leaves the touchpoint's surveys of the quarter out of the metrics). Four eyes: not by",
                    "the person who launched the run. Appended and audited; approval waits for every signal."})
    static class ReviewCommand implements Callable<Integer> {
        @Option(names = "--period", required = true, description = "the quarter, e.g. 2026-Q3")
        String period;

        @Option(names = "--touchpoint", required = true, description = "the touchpoint id of the signal")
        String touchpoint;

        @Option(names = "--signal", required = true,
                description = "TOP_BOX_SURGE, SELECTIVE_SURVEYING, REPEAT_RESPONDENTS or END_OF_QUARTER_BUNCHING")
        Signal signal;

        @Option(names = "--decision", required = true, description = "CLEARED or EXCLUDED")
        Decision decision;

        @Option(names = "--reason", required = true, description = "why, in words (kept with the review)")
        String reason;

        @Option(names = "--as", description = "who reviews (default: the operating-system user)")
        String as;

        private final IntegrityReviews reviews;

        ReviewCommand(IntegrityReviews reviews) {
            this.reviews = reviews;
        }

        @Override
        public Integer call() {
            return Actions.report(() -> reviews.review(Period.parse(period), touchpoint, signal, decision, reason,
                    Actions.user(as)));
        }
    }
}
