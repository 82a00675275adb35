package org.promiseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class LoadDataWriterTests {

    @Test
    void writesNullAsBackslashNAndEscapesWhatLoadDataWouldReadAsStructure() {
        StringBuilder out = new StringBuilder();
        LoadDataWriter.appendField(out, null);
        out.append('|');
        LoadDataWriter.appendField(out, "a\tb\nc\\d\re\0f 'g' \"h\" \u20ac");

        assertThat(out.toString()).isEqualTo("\\N|a\\tb\\nc\\\\d\\re\\0f 'g' \"h\" \u20ac");
    }

    @Test
    void writesFlagsAsOneAndZeroDecimalsPlainAndTimestampsAsParsed() {
        StringBuilder out = new StringBuilder();
        LoadDataWriter.appendField(out, Boolean.TRUE);
        LoadDataWriter.appendField(out, Boolean.FALSE);
        out.append('|');
        LoadDataWriter.appendField(out, new BigDecimal("1E+3"));
        out.append('|');
        LoadDataWriter.appendField(out, OffsetDateTime.parse("2026-08-01T10:00:00+02:00"));

        assertThat(out.toString()).isEqualTo("10|1000|2026-08-01T10:00+02:00");
    }
}
