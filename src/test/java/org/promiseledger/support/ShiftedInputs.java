package org.promiseledger.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small company's hand-worked inputs (2026-Q3) moved to another quarter: every timestamp moved by whole months,
 * keeping its wall-clock time and offset, so each row keeps its place relative to the quarter's edges (the same
 * rows are out of period). Written to a fresh temporary folder.
 */
public final class ShiftedInputs {

    public static final Path SMALL = Path.of("src/test/resources/jobs/small/input");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})");

    private ShiftedInputs() {
    }

    /** The small inputs moved {@code months} forward (negative: back). */
    public static Path small(int months) {
        try {
            Path dir = Files.createTempDirectory("small-moved-" + months);
            try (var files = Files.list(SMALL)) {
                for (Path file : files.toList()) {
                    List<String> moved = new ArrayList<>();
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        moved.add(shift(line, months));
                    }
                    Files.write(dir.resolve(file.getFileName()), moved, StandardCharsets.UTF_8);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shift(String line, int months) {
        Matcher m = TIMESTAMP.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, OffsetDateTime.parse(m.group()).plusMonths(months).toString());
        }
        m.appendTail(out);
        return out.toString();
    }
}
