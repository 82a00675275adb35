package org.promiseledger.metrics;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs a producer (here, the streamed reads of the staged rows) on a thread of its own and hands its items to the consuming
 * thread in the order they were produced, so that producing the next items and consuming the last ones overlap on
 * two cores instead of taking turns. Items travel in blocks of {@link #BLOCK}, at most {@link #BLOCKS_AHEAD} blocks
 * ahead, so memory stays small whatever the number of items.
 *
 * <p>A failure of the producer is thrown by {@link #hasNext()} on the consuming thread, as the producer's own
 * exception, after every item produced before it. {@link #close()} stops the producer at its next block (its
 * {@code sink} throws {@link CancellationException}) and waits for its thread to end; call it when the consumer
 * stops early or fails.
 *
 * @param <T> the items
 */
final class ReadAhead<T> implements Iterator<T>, AutoCloseable {

    /** Produces every item into {@code sink}, in order, then returns. */
    interface Producer<T> {
        void produce(Consumer<T> sink) throws Exception;
    }

    static final int BLOCK = 4096;
    private static final int BLOCKS_AHEAD = 8;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BLOCKS_AHEAD);
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread thread;
    private List<T> block = List.of();
    private int next;
    private boolean ended;

    /** Starts {@code producer} on a daemon thread named {@code threadName}. */
    ReadAhead(String threadName, Producer<T> producer) {
        this.thread = new Thread(() -> produce(producer), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public boolean hasNext() {
        while (next == block.size()) {
            if (ended) {
                return false;
            }
            Object item = take();
            if (item == END) {
                ended = true;
                return false;
            }
            if (item instanceof Failure failure) {
                ended = true;
                throw failure.rethrown();
            }
            @SuppressWarnings("unchecked")
            List<T> items = (List<T>) item;
            block = items;
            next = 0;
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return block.get(next++);
    }

    /** Stops the producer if it is still producing, and waits for its thread to end. */
    @Override
    public void close() {
        stopped.set(true);
        queue.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Object take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + thread.getName(), e);
        }
    }

    /** The block the producer is filling; touched by the producer's thread only. */
    private List<T> filling = new ArrayList<>(BLOCK);

    private void produce(Producer<T> producer) {
        try {
            producer.produce(item -> {
                filling.add(item);
                if (filling.size() == BLOCK) {
                    put(filling);
                    filling = new ArrayList<>(BLOCK);
                }
            });
            putFilling();
            put(END);
        } catch (CancellationException stop) {
            // the consumer closed: nobody waits for more
        } catch (Throwable failure) {
            try {
                putFilling(); // the items before the failure are consumed before it is thrown
                put(new Failure(failure));
            } catch (CancellationException stop) {
                // nobody waits for it
            }
        }
    }

    private void putFilling() {
        if (!filling.isEmpty()) {
            put(filling);
            filling = new ArrayList<>(0);
        }
    }

    private void put(Object item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (stopped.get()) {
                    throw new CancellationException("the consumer closed");
                }
            }
            if (stopped.get()) {
                queue.clear(); // closed while this was offered: nobody will take it
                throw new CancellationException("the consumer closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    /** The producer's failure, thrown again on the consuming thread. */
    private record Failure(Throwable cause) {
        RuntimeException rethrown() {
            if (cause instanceof Error error) {
                throw error;
            }
            return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause.getMessage(), cause);
        }
    }
}
