package org.promiseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.kernel.BadInputException;

/**
 * Line numbers of docs/data-contract.md: 1-based physical lines with the header on line 1; blank lines are skipped but counted;
 * a record's line is its first physical line, also when a quoted field spans lines. Records are shown as
 * {@code line:field|field}.
 */
class NumberedRecordsTests {

    @TempDir
    Path dir;

    @Test
    void numbersRecordsByPhysicalLineSkippingBlankLines() throws IOException {
        Path file = write("a,b\n\n1,2\n   \n3,4\n\n\n5,6\n\n");

        assertThat(records(file)).containsExactly("3:1|2", "5:3|4", "8:5|6");
    }

    @Test
    void aRecordSpanningTwoLinesHasItsFirstLineAndTheNextRecordCountsBoth() throws IOException {
        Path file = write("a,b\n1,\"first\nsecond\"\n3,4\n5,\"x\n\ny\"\n7,8\n");

        assertThat(records(file)).containsExactly("2:1|first\nsecond", "4:3|4", "5:5|x\n\ny", "8:7|8");
    }

    @Test
    void stripsAUtf8ByteOrderMarkFromTheHeader() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.write(file, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));

        try (NumberedRecords records = new NumberedRecords(file)) {
            assertThat(records.header()).containsExactly("a", "b");
        }
        assertThat(records(file)).containsExactly("2:1|2");
    }

    @Test
    void keepsAByteOrderMarkThatIsNotAtTheStartOfTheFile() throws IOException {
        Path file = write("a,b\n\uFEFF1,2\n");

        assertThat(records(file)).containsExactly("2:\uFEFF1|2");
    }

    @Test
    void countsACrlfLineEndingAsOneLine() throws IOException {
        Path file = write("a,b\r\n1,2\r\n\r\n3,\"p\r\nq\"\r\n5,6\r\n");

        assertThat(records(file)).containsExactly("2:1|2", "4:3|p\r\nq", "6:5|6");
    }

    @Test
    void readsTheLastRecordWithoutAFinalLineEnding() throws IOException {
        assertThat(records(write("a,b\n1,2\n3,4"))).containsExactly("2:1|2", "3:3|4");
        assertThat(records(write("a,b\r\n1,2\r\n3,4"))).containsExactly("2:1|2", "3:3|4");
    }

    @Test
    void trimsHeaderNames() throws IOException {
        try (NumberedRecords records = new NumberedRecords(write(" a ,b  \n1,2\n"))) {
            assertThat(records.header()).containsExactly("a", "b");
        }
    }

    @Test
    void keepsFieldsUntrimmedAndRecordsOfAnyWidth() throws IOException {
        assertThat(records(write("a,b\n 1 , 2 \n1\n1,2,3\n"))).containsExactly("2: 1 | 2 ", "3:1", "4:1|2|3");
    }

    @Test
    void aHeaderOnlyFileHasNoRecords() throws IOException {
        Path file = write("a,b\n");

        try (NumberedRecords records = new NumberedRecords(file)) {
            assertThat(records.header()).containsExactly("a", "b");
            assertThat(records.hasNext()).isFalse();
        }
    }

    @Test
    void anEmptyFileHasNoHeader() throws IOException {
        try (NumberedRecords records = new NumberedRecords(write(""))) {
            assertThat(records.header()).isEmpty();
            assertThat(records.hasNext()).isFalse();
        }
    }

    @Test
    void aBadByteFarIntoTheFileIsNamedAtItsOwnLineNotWhereTheReaderBufferedIt() throws IOException {
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 2; i < 5000; i++) {
            text.append("R").append(i).append(",Name ").append(i).append('\n');
        }
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        Path file = Files.createTempFile(dir, "input", ".csv");
        Files.write(file, concat(good, "R5000,Ren\u00e9\nR5001,x\n".getBytes(StandardCharsets.ISO_8859_1)));

        assertThatThrownBy(() -> records(file)).isInstanceOf(BadInputException.class)
                .hasMessage(file.getFileName() + ", line 5000, column 10 (byte 0xE9 at offset " + (good.length + 9)
                        + ", '\u00e9' in Windows-1252): the file is not UTF-8 text (save it as CSV UTF-8)");
    }

    @Test
    void aTruncatedSequenceAtTheEndOfTheFileIsNotUtf8() throws IOException {
        Path file = Files.createTempFile(dir, "input", ".csv");
        Files.write(file, concat("a,b\n\n1,".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3}));

        assertThatThrownBy(() -> records(file)).isInstanceOf(BadInputException.class)
                .hasMessage(file.getFileName() + ", line 3, column 3 (byte 0xC3 at offset 7, '\u00c3' in Windows-1252)"
                        + ": the file is not UTF-8 text (save it as CSV UTF-8)");
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(dir, "input", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> records(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (NumberedRecords records = new NumberedRecords(file)) {
            records.forEachRemaining(n -> out.add(n.line() + ":" + String.join("|", n.record().toList())));
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
