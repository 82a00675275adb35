package org.promiseledger.operate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.junit.jupiter.api.Test;
import org.promiseledger.operate.internal.RunMetrics;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunOutcome;
import org.promiseledger.runs.RunRegistry;

/**
 * Launching in the background: the caller gets the run id as soon as the runner starts the job, or the runner's
 * refusal; while a run is going, a second launch in the same server is refused in words rather than run alongside.
 */
class RunLaunchesTests {

    final QuarterlyRunner runner = mock(QuarterlyRunner.class);
    final RunMetrics metrics = mock(RunMetrics.class);
    final RunLaunches launches = new RunLaunches(runner, mock(RunRegistry.class), metrics);
    final Period q3 = Period.parse("2026-Q3");

    @Test
    void theCallerGetsTheRunIdWhileTheRunGoesOnAndASecondLaunchIsRefused() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        when(runner.run(eq(q3), any(), any(), eq("hana"), any())).thenAnswer(call -> {
            call.getArgument(4, LongConsumer.class).accept(7L);
            assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            return new RunOutcome(0, 7L, false, List.of());
        });

        RunLaunches.Launch first = launches.launch(q3, Path.of("data"), Path.of("rules"), "hana");
        assertThat(first.started()).isTrue();
        assertThat(first.runId()).isEqualTo(7L);

        RunLaunches.Launch second = launches.launch(Period.parse("2026-Q4"), Path.of("data"), Path.of("rules"), "hana");
        assertThat(second.started()).isFalse();
        assertThat(second.refusal()).containsExactly("another run is in progress in this server; launch this one when it has ended");

        release.countDown();
        verify(metrics, timeout(5000)).record(any(), anyLong());
        launches.stop();
    }

    @Test
    void aRunTheRunnerRefusesBeforeStartingComesBackWithItsReasons() {
        when(runner.run(eq(q3), any(), any(), eq("hana"), any())).thenReturn(RunOutcome.refused(null,
                List.of("2026-Q3 was approved in run 3; it cannot be calculated again (book an adjustment instead)")));

        RunLaunches.Launch launch = launches.launch(q3, Path.of("data"), Path.of("rules"), "hana");

        assertThat(launch.started()).isFalse();
        assertThat(launch.refusal()).containsExactly(
                "2026-Q3 was approved in run 3; it cannot be calculated again (book an adjustment instead)");
        launches.stop();
    }
}
