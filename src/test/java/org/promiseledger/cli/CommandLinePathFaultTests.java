package org.promiseledger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command pointed at a path it cannot use fails with exit 2 and the path and reason in words, not "run again". */
class CommandLinePathFaultTests {

    @TempDir
    Path temp;

    @Test
    void anOutputThatIsAFolderIsAskedForAFileName() {
        Throwable failure = catchThrowable(() -> Files.newBufferedWriter(temp).close());

        assertThat(CommandLineEntry.pathFault(new UncheckedIOException((IOException) failure)))
                .isEqualTo(temp + ": is a folder: give a file name");
    }

    @Test
    void anOutputInAFolderThatDoesNotExistSaysSo() {
        Path out = temp.resolve("no-such-folder/payouts.csv");
        Throwable failure = catchThrowable(() -> Files.newBufferedWriter(out).close());

        assertThat(CommandLineEntry.pathFault(failure)).isEqualTo(out + ": no such file or folder (does its folder exist?)");
    }

    @Test
    void anOutputUnderAFileSaysItIsNotAFolder() throws IOException {
        Path file = Files.writeString(temp.resolve("plain.txt"), "x");
        Throwable failure = catchThrowable(() -> Files.createDirectories(file.resolve("sub")));

        assertThat(CommandLineEntry.pathFault(failure)).as(String.valueOf(failure))
                .matches(".*plain\\.txt.*: (a file stands where a folder is needed|already exists)");
    }

    @Test
    void otherFailuresAreLeftToTheirFailureClass() {
        assertThat(CommandLineEntry.pathFault(new IllegalStateException("database went away", new ConnectException("refused"))))
                .isNull();
        assertThat(CommandLineEntry.pathFault(new IOException("No space left on device"))).isNull();
    }
}
