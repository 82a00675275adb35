package org.promiseledger.kernel;

/** Shows how far a long step has come; the command line draws a bar, tests and servers show nothing. */
public interface StepProgress {

    Task start(String name, long total, String unit);

    interface Task extends AutoCloseable {
        void stepTo(long done);

        @Override
        void close();
    }

    StepProgress SILENT = (name, total, unit) -> new Task() {
        @Override
        public void stepTo(long done) {
        }

        @Override
        public void close() {
        }
    };
}
