package org.promiseledger.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Run by hand, not part of the suite: times writing the reference workload and sums the files' sizes.
 * {@code java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) org.promiseledger.demo.ReferenceWorkloadTiming DIR [ROWS] [SEED]}
 */
public final class ReferenceWorkloadTiming {

    private ReferenceWorkloadTiming() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/reference-workload");
        long rows = args.length > 1 ? Long.parseLong(args[1]) : ReferenceWorkload.DEFAULT_ROWS;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2026L;
        long started = System.nanoTime();
        Map<String, Long> written = new ReferenceWorkload(seed).write(dir, rows);
        long elapsed = System.nanoTime() - started;
        long bytes = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                bytes += Files.size(file);
            }
        }
        written.forEach((file, count) -> System.out.printf("%-22s %,12d rows%n", file, count));
        System.out.printf("%,d rows in %.2f s, %,d bytes (%.1f MiB), max heap %d MiB%n", rows, elapsed / 1e9, bytes,
                bytes / 1048576.0, Runtime.getRuntime().maxMemory() >> 20);
    }
}
