package org.promiseledger.metrics;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a count's rows, kind after kind, on a thread of its own while the calling thread counts them: the driver
 * decodes the next rows (and the database sends them) while the last ones are counted, instead of each waiting for
 * the other. Rows travel in blocks of {@link #BLOCK}, at most {@link #BLOCKS_AHEAD} blocks ahead (a few megabytes).
 *
 * <p>The reader uses a connection of its own, outside the step's transaction: the staged rows it reads were committed
 * by the ingest steps. A failure of the read is thrown on the counting thread, as the read's own exception; a failure
 * of the counting stops the read at its next block.
 */
final class ReadAhead {

    private static final int BLOCK = 4096;
    private static final int BLOCKS_AHEAD = 8;

    /** A row of any kind, as {@link CustomerRows} gets it but with the touchpoint id not yet indexed. */
    interface KindedRow {
        void row(CustomerRows.Kind kind, String customerId, String touchpointId, boolean flag);
    }

    private ReadAhead() {
    }

    /** Reads every kind of row with {@code reader} on another thread and hands each to {@code rows} here, in order. */
    static void readAll(DistinctCustomerCount.Reader reader, KindedRow rows) {
        BlockingQueue<Block> queue = new ArrayBlockingQueue<>(BLOCKS_AHEAD);
        AtomicBoolean stopped = new AtomicBoolean();
        Thread thread = new Thread(() -> read(reader, queue, stopped), "customer-rows-read-ahead");
        thread.setDaemon(true);
        thread.start();
        try {
            while (true) {
                Block block = queue.take();
                if (block.failure != null) {
                    throw block.failure instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(block.failure.getMessage(), block.failure);
                }
                if (block.size < 0) {
                    return;
                }
                for (int i = 0; i < block.size; i++) {
                    rows.row(block.kind, block.customers[i], block.touchpoints[i], block.flags[i]);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting customers", e);
        } finally {
            stopped.set(true);
            queue.clear();
            join(thread);
        }
    }

    private static void read(DistinctCustomerCount.Reader reader, BlockingQueue<Block> queue, AtomicBoolean stopped) {
        try {
            for (CustomerRows.Kind kind : CustomerRows.Kind.values()) {
                Block[] filling = {new Block(kind)};
                reader.read(kind, (customer, touchpoint, flag) -> {
                    if (filling[0].add(customer, touchpoint, flag)) {
                        put(queue, filling[0], stopped);
                        filling[0] = new Block(kind);
                    }
                });
                put(queue, filling[0], stopped);
            }
            put(queue, Block.END, stopped);
        } catch (CancellationException stop) {
            // the counting failed and stopped reading: nobody waits for more
        } catch (Throwable failure) {
            try {
                put(queue, Block.failed(failure), stopped);
            } catch (CancellationException stop) {
                // nobody waits for it
            }
        }
    }

    private static void put(BlockingQueue<Block> queue, Block block, AtomicBoolean stopped) {
        try {
            while (!queue.offer(block, 100, TimeUnit.MILLISECONDS)) {
                if (stopped.get()) {
                    throw new CancellationException("counting stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Rows of one kind; size −1 marks the end of all rows. */
    private static final class Block {
        static final Block END = new Block(null, -1, null);

        final CustomerRows.Kind kind;
        final String[] customers;
        final String[] touchpoints;
        final boolean[] flags;
        final Throwable failure;
        int size;

        Block(CustomerRows.Kind kind) {
            this.kind = kind;
            this.customers = new String[BLOCK];
            this.touchpoints = new String[BLOCK];
            this.flags = new boolean[BLOCK];
            this.failure = null;
        }

        private Block(CustomerRows.Kind kind, int size, Throwable failure) {
            this.kind = kind;
            this.customers = null;
            this.touchpoints = null;
            this.flags = null;
            this.failure = failure;
            this.size = size;
        }

        static Block failed(Throwable failure) {
            return new Block(null, 0, failure);
        }

        /** @return true when the block is full */
        boolean add(String customer, String touchpoint, boolean flag) {
            customers[size] = customer;
            touchpoints[size] = touchpoint;
            flags[size] = flag;
            return ++size == BLOCK;
        }
    }
}
