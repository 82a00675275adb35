package org.promiseledger.demo.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference workload's fast CSV writer: plain RFC 4180 without quoting, and never a broken file. */
class CsvLineWriterTests {

    private static final byte[] ID = "E".getBytes(StandardCharsets.US_ASCII);

    @Test
    void writesHeaderAndRowsInUtf8WithPlainLineEnds(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("people.csv");
        try (CsvLineWriter out = new CsvLineWriter(file, List.of("id", "name", "salary", "active", "note"))) {
            out.begin().id(ID, 7, 5).text("Jürgen Øberg").decimal(4_210_005, 2).flag(true).empty().end();
            out.begin().id(ID, 123_456, 5).text("Ann").decimal(7, 2).flag(false).number(-3).end();
            assertEquals(2, out.rows());
        }

        assertEquals("id,name,salary,active,note\nE00007,Jürgen Øberg,42100.05,true,\nE123456,Ann,0.07,false,-3\n",
                Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void takesBackTheRowJustEndedAsFields(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rows.csv");
        try (CsvLineWriter out = new CsvLineWriter(file, List.of("a", "b"))) {
            out.row("1", "x");
            out.row("2", "");
            assertArrayEquals(new String[] {"2", ""}, out.takeBack());
            out.row("2", "y");
            assertEquals(2, out.rows());
        }

        assertEquals("a,b\n1,x\n2,y\n", Files.readString(file));
    }

    @Test
    void refusesAValueThatWouldNeedQuotingAndLeavesItsRowOut(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.csv");
        try (CsvLineWriter out = new CsvLineWriter(file, List.of("a", "b"))) {
            out.row("1", "ok");
            out.begin().text("2");
            assertThrows(IllegalArgumentException.class, () -> out.text("Müller, Anna"));
            assertThrows(IllegalArgumentException.class, () -> out.text("say \"hi\""));
            assertThrows(IllegalArgumentException.class, () -> out.text("two\nlines"));
        }

        assertEquals("a,b\n1,ok\n", Files.readString(file, StandardCharsets.UTF_8));
    }
}
