package org.promiseledger.cli.internal;

import org.promiseledger.kernel.StepProgress;
import org.springframework.stereotype.Component;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars for long steps when a person watches a terminal; silent when output goes to a file or a test,
 * where a redrawn bar would only fill the log.
 */
@Component
class ConsoleProgress implements StepProgress {

    private final boolean enabled = System.console() != null && !"false".equals(System.getProperty("promise-ledger.progress"));

    @Override
    public Task start(String name, long total, String unit) {
        if (!enabled) {
            return SILENT.start(name, total, unit);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(String.format("%-32s", name)).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate().build();
        return new Task() {
            @Override
            public void stepTo(long done) {
                bar.stepTo(done);
            }

            @Override
            public void close() {
                bar.stepTo(bar.getMax());
                bar.close();
            }
        };
    }
}
