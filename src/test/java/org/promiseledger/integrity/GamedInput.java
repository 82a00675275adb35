package org.promiseledger.integrity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.promiseledger.period.Period;
import org.promiseledger.support.RulesCopy;

/**
 * A quarter's input for the integrity tests: the hand-worked small company (src/test/resources/jobs/small/input, whose
 * 2026-Q3 event rows are simply out of period in other quarters) plus touchpoints of Digital (D3) with generated
 * surveys and contacts. Ids carry a prefix so that the tests of one class, which share a database, never compare
 * each other's touchpoints. Times are UTC unless a test writes an offset.
 */
final class GamedInput {

    static final Path SMALL = Path.of("src/test/resources/jobs/small/input");

    private final Period period;
    private final List<String> touchpoints = new ArrayList<>();
    private final List<String> surveys = new ArrayList<>();
    private final List<String> contacts = new ArrayList<>();
    private int surveyId;
    private int contactId;

    GamedInput(Period period) {
        this.period = period;
    }

    GamedInput touchpoint(String id) {
        touchpoints.add(id + ",Gamed " + id + ",WEB,D3,false");
        return this;
    }

    /** One answer at the given moment with an NPS (csat 4, effort 2). */
    GamedInput survey(String customer, String touchpoint, String at, int nps) {
        surveys.add(String.format("S%06d,%s,%s,%s,%d,4,2", ++surveyId, customer, touchpoint, at, nps));
        return this;
    }

    /** count answers by distinct customers spread over the quarter before its last 14 days; the first tens are 10s. */
    GamedInput early(String touchpoint, int count, int tens, int otherNps) {
        for (int i = 0; i < count; i++) {
            survey(touchpoint + "-E" + i, touchpoint, early(i), i < tens ? 10 : otherNps);
        }
        return this;
    }

    /** count answers by distinct customers in the quarter's last 14 days. */
    GamedInput late(String touchpoint, int count, int nps) {
        for (int i = 0; i < count; i++) {
            survey(touchpoint + "-L" + i, touchpoint, lastDays().plusSeconds(3600L * (10 + 24 * (i % 14))).toString(), nps);
        }
        return this;
    }

    GamedInput contact(String customer, String touchpoint, int index, boolean resolved) {
        contacts.add(String.format("K%06d,%s,%s,%s,%s", ++contactId, customer, touchpoint, early(index), resolved));
        return this;
    }

    /** The first instant of the quarter's last 14 days (UTC company zone). */
    Instant lastDays() {
        return period.next().firstDay().minusDays(14).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The same instant written in another offset, as a file from another time zone would. */
    static String inOffset(Instant at, String offset) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.of(offset)).toString();
    }

    String early(int i) {
        return period.firstDay().plusDays(i % 70).atTime(9, i % 60).atOffset(ZoneOffset.UTC).toString();
    }

    /** Leaves out every survey row of the touchpoint, as if the file never had them. */
    GamedInput dropSurveysOf(String touchpoint) {
        surveys.removeIf(line -> line.split(",")[2].equals(touchpoint));
        return this;
    }

    Path writeTo(Path folder) throws IOException {
        RulesCopy.copyTree(SMALL, folder);
        append(folder.resolve("touchpoints.csv"), touchpoints);
        append(folder.resolve("surveys.csv"), surveys);
        append(folder.resolve("contacts.csv"), contacts);
        return folder;
    }

    private static void append(Path file, List<String> lines) throws IOException {
        if (!lines.isEmpty()) {
            Files.writeString(file, String.join("\n", lines) + "\n", StandardOpenOption.APPEND);
        }
    }
}
