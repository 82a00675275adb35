package org.promiseledger.metrics;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * A run's event rows split by customer pass into files on local disk, so that counting distinct customers in several
 * passes reads the database once: each pass then reads back only its own customers' rows, in the order they were
 * written (answers, contacts, complaints, churn, each in file order). Without it every pass read every row from the
 * database again and threw most away, so a quarter of ten times the customers took a hundred times as long.
 *
 * <p>A row takes a few bytes plus its customer id (50 M rows: under a gigabyte), in a folder of the system's temporary
 * folder ({@code java.io.tmpdir}) readable by this process's user only; the files are deleted when the count ends,
 * whether it succeeded or not. A folder that cannot be written is an
 * {@link UncheckedIOException}: the step fails and a retry, after space is freed, can help.
 */
final class CustomerPassFiles implements AutoCloseable {

    /** Each file's write and read buffer: the files are written by turns, so a large buffer saves seeks. */
    private static final int BUFFER = 1 << 16;

    private final Path folder;
    private final Path[] files;
    private final DataOutputStream[] writers;

    CustomerPassFiles(int passes) {
        try {
            folder = privateFolder();
            files = new Path[passes];
            writers = new DataOutputStream[passes];
            for (int pass = 0; pass < passes; pass++) {
                files[pass] = folder.resolve("pass-" + pass);
                writers[pass] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(files[pass]), BUFFER));
            }
        } catch (IOException e) {
            close();
            throw failure("write", e);
        }
    }

    /**
     * The failure as the operator sees it (the run prints its root cause): what could not be done, and in which
     * folder, with the file system's own words; the original exception stays attached for the log.
     */
    private static UncheckedIOException failure(String doing, IOException e) {
        IOException said = new IOException("cannot " + doing + " the customer pass files in "
                + System.getProperty("java.io.tmpdir") + " (the JVM's temporary folder, -Djava.io.tmpdir): "
                + e.getClass().getSimpleName() + " " + e.getMessage());
        said.addSuppressed(e);
        return new UncheckedIOException(said);
    }

    /** A new folder in the system's temporary folder that only this process's user can read: the files hold customer ids. */
    private static Path privateFolder() throws IOException {
        try {
            return Files.createTempDirectory("promise-ledger-customer-passes",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempDirectory("promise-ledger-customer-passes");
        }
    }

    /** Appends one row to its pass's file. */
    void write(int pass, CustomerRows.Kind kind, String customerId, int touchpoint, boolean flag) {
        try {
            DataOutputStream out = writers[pass];
            out.writeByte(kind.ordinal() << 1 | (flag ? 1 : 0));
            out.writeInt(touchpoint);
            out.writeUTF(customerId);
        } catch (IOException e) {
            throw failure("write", e);
        }
    }

    /** Every row written so far is final; call before the first {@link #replay}. */
    void finishWriting() {
        try {
            for (DataOutputStream writer : writers) {
                writer.close();
            }
        } catch (IOException e) {
            throw failure("write", e);
        }
    }

    /** Hands one pass's rows to {@code rows} in the order they were written. */
    void replay(int pass, CustomerRows rows) {
        CustomerRows.Kind[] kinds = CustomerRows.Kind.values();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(files[pass]), BUFFER))) {
            while (true) {
                int head;
                try {
                    head = in.readUnsignedByte();
                } catch (EOFException end) {
                    return;
                }
                int touchpoint = in.readInt();
                rows.row(kinds[head >> 1], in.readUTF(), touchpoint, (head & 1) == 1);
            }
        } catch (IOException e) {
            throw failure("read", e);
        }
    }

    @Override
    public void close() {
        if (writers != null) {
            for (DataOutputStream writer : writers) {
                closeQuietly(writer);
            }
        }
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.toList()) {
                Files.deleteIfExists(path);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            folder.toFile().deleteOnExit(); // left for the JVM's exit: the count itself is done
        }
    }

    private static void closeQuietly(DataOutputStream writer) {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException ignored) {
            // already failed or already closed: the files are being deleted anyway
        }
    }
}
