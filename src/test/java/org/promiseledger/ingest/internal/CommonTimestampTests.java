package org.promiseledger.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommonTimestampTests {

    @ParameterizedTest
    @ValueSource(strings = {"2026-07-01T06:00:01Z", "2026-07-01T06:00:01.5Z", "2026-07-01T06:00:01.123456789+02:00",
            "2026-12-31T23:59:59-05:30", "2024-02-29T00:00:00+00:00", "2026-07-01T06:00:01-00:00", "0001-01-01T00:00:00Z"})
    void readsTheCommonShapeExactlyAsTheIsoParserDoes(String text) {
        assertThat(CommonTimestamp.parse(text)).isEqualTo(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        assertThat(CommonTimestamp.parse(text).toString())
                .isEqualTo(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-07-01T06:00Z", "2026-07-01t06:00:01Z", "2026-07-01T06:00:01+02:00:30", "2026-07-01T06:00:01.Z"})
    void leavesOtherValidShapesToTheIsoParser(String text) {
        assertThat(CommonTimestamp.parse(text)).isNull();
        assertThat(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-06-31T06:00:01Z", "2026-13-01T06:00:01Z", "2026-07-01T24:00:00Z", "2026-07-01T06:60:01Z",
            "2026-07-01T06:00:60Z", "2026-07-01T06:00:01", "2026-07-01T06:00:01+19:00", "+2026-07-01T06:00:01Z",
            "2026-07-01T06:00:01.1234567890Z", "2026-07-01 06:00:01Z", "2026-07-0AT06:00:01Z", "2026-07-01T06:00:01+0200"})
    void returnsNothingForWhatTheIsoParserRefuses(String text) {
        assertThat(CommonTimestamp.parse(text)).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void aLeapDayOnlyInLeapYears() {
        assertThat(CommonTimestamp.parse("2025-02-29T00:00:00Z")).isNull();
    }
}
