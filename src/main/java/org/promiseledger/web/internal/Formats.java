package org.promiseledger.web.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.promiseledger.rules.RuleSetFolder;
import org.springframework.stereotype.Component;

/**
 * How numbers read on pages and statements, as in the exports: money to 2 places, scores, attainments and metric
 * values to 4, HALF_EVEN; a dot for decimals whatever the browser's language, so a figure reads the same on the
 * page, the PDF and the CSV. Templates reach it as {@code @fmt}.
 */
@Component("fmt")
class Formats {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String money(BigDecimal value) {
        return moneyOf(value);
    }

    static String moneyOf(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(value.setScale(2, RoundingMode.HALF_EVEN));
    }

    public String four(BigDecimal value) {
        return fourPlaces(value);
    }

    static String fourPlaces(BigDecimal value) {
        return value == null ? "—" : value.setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    public String at(Instant instant) {
        return instant == null ? "" : AT.format(instant);
    }

    public String version(String ruleSetVersion) {
        return versionOf(ruleSetVersion);
    }

    static String versionOf(String ruleSetVersion) {
        return ruleSetVersion == null ? "" : RuleSetFolder.shortVersion(ruleSetVersion);
    }
}
