package org.promiseledger.bench.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/** Samples the heap in use every few milliseconds while the job runs, so a peak can be told per step and overall. */
public final class HeapSampler implements AutoCloseable {

    record Sample(long atMillis, long usedBytes) {
    }

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public HeapSampler(long everyMillis) {
        thread = new Thread(() -> {
            while (running) {
                synchronized (samples) {
                    samples.add(new Sample(System.currentTimeMillis(), memory.getHeapMemoryUsage().getUsed()));
                }
                try {
                    Thread.sleep(everyMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** The largest heap in use seen between two instants (epoch millis), in bytes. */
    public long peakBetween(long fromMillis, long toMillis) {
        synchronized (samples) {
            return samples.stream().filter(s -> s.atMillis() >= fromMillis && s.atMillis() <= toMillis)
                    .mapToLong(Sample::usedBytes).max().orElse(0);
        }
    }

    public long peak() {
        return peakBetween(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
