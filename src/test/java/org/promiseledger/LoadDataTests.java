package org.promiseledger;

import org.promiseledger.kernel.LoadData;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class LoadDataTests {

    @Test
    void writesNullAsBackslashNAndEscapesWhatLoadDataWouldReadAsStructure() {
        StringBuilder out = new StringBuilder();
        LoadData.appendField(out, null);
        out.append('|');
        LoadData.appendField(out, "a\tb\nc\\d\re\0f 'g' \"h\" \u20ac");

        assertThat(out.toString()).isEqualTo("\\N|a\\tb\\nc\\\\d\\re\\0f 'g' \"h\" \u20ac");
    }

    @Test
    void writesFlagsAsOneAndZeroDecimalsPlainAndTimestampsAsParsed() {
        StringBuilder out = new StringBuilder();
        LoadData.appendField(out, Boolean.TRUE);
        LoadData.appendField(out, Boolean.FALSE);
        out.append('|');
        LoadData.appendField(out, new BigDecimal("1E+3"));
        out.append('|');
        LoadData.appendField(out, OffsetDateTime.parse("2026-08-01T10:00:00+02:00"));

        assertThat(out.toString()).isEqualTo("10|1000|2026-08-01T10:00+02:00");
    }

    @Test
    void writesTimestampsAsUtcWallClockToTheMillisecond() {
        StringBuilder out = new StringBuilder();
        LoadData.appendField(out, java.sql.Timestamp.from(java.time.Instant.parse("2026-11-22T23:05:09.123456Z")));

        assertThat(out.toString()).isEqualTo("2026-11-22 23:05:09.123");
    }
}
