package org.promiseledger.runs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When each step of the last job in this process started and ended, to the millisecond (the job repository keeps whole
 * seconds on some databases): what `bench` reports per step.
 */
@Component
public class StepTimings implements StepExecutionListener {

    /** A step's start and end, epoch milliseconds. */
    public record Timing(long startMillis, long endMillis) {
    }

    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Map<String, Timing> timings = new ConcurrentHashMap<>();

    @Override
    public void beforeStep(StepExecution stepExecution) {
        started.put(stepExecution.getStepName(), System.currentTimeMillis());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        Long start = started.get(stepExecution.getStepName());
        if (start != null) {
            timings.put(stepExecution.getStepName(), new Timing(start, System.currentTimeMillis()));
        }
        return stepExecution.getExitStatus();
    }

    public Map<String, Timing> timings() {
        return Map.copyOf(timings);
    }
}
