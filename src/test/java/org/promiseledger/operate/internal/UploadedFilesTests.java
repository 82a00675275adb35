package org.promiseledger.operate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.operate.UploadRefusedException;

/** What an upload may hold: the eleven files by their base name, loose or in one zip, each once, within the limit. */
class UploadedFilesTests {

    @TempDir
    Path dir;

    @Test
    void aZipsFoldersAreIgnoredSoNoEntryWritesOutsideTheUploadFolder() throws IOException {
        UploadedFiles files = new UploadedFiles(dir, 1_000_000);
        byte[] zip = zip("../../etc/departments.csv", "department_id,name,parent_id\n", "__MACOSX/._surveys.csv", "junk",
                "q3/.hidden", "x");

        files.add("C:\\Users\\hr\\quarter.ZIP", new ByteArrayInputStream(zip));

        assertThat(Files.readString(dir.resolve("departments.csv"))).isEqualTo("department_id,name,parent_id\n");
        try (var listed = Files.list(dir)) {
            assertThat(listed.map(p -> p.getFileName().toString()).toList()).containsExactly("departments.csv");
        }
    }

    @Test
    void everyFileIsNamedByItsBaseNameAndCountedOnce() throws IOException {
        UploadedFiles files = new UploadedFiles(dir, 1_000_000);
        for (String name : UploadedFiles.EXPECTED) {
            files.add("/home/hr/2026-Q3/" + name, text("a,b\n"));
        }
        files.requireAll();
        assertThat(files.totalBytes()).isEqualTo(11 * 4);
        assertThatThrownBy(() -> files.add("surveys.csv", text("again"))).isInstanceOf(UploadRefusedException.class)
                .hasMessage("surveys.csv was uploaded twice; give each file once");
    }

    @Test
    void unknownMissingTooManyAndUnreadableAreRefusedInWords() throws IOException {
        UploadedFiles files = new UploadedFiles(dir, 1_000_000);
        assertThatThrownBy(() -> files.add("Surveys.CSV", text("x"))).hasMessageStartingWith(
                "Surveys.CSV is not one of the eleven input files (departments.csv, employees.csv");
        files.add("targets.csv", text("x"));
        assertThatThrownBy(files::requireAll).hasMessage("missing: departments.csv, employees.csv, touchpoints.csv,"
                + " customers.csv, surveys.csv, contacts.csv, complaints.csv, churn.csv, internal_surveys.csv,"
                + " performance.csv (all eleven files are required; a header-only file is fine)");
        Object[] twelve = new Object[24];
        for (int i = 0; i < 12; i++) {
            twelve[2 * i] = "f" + i + ".csv";
            twelve[2 * i + 1] = "x";
        }
        assertThatThrownBy(() -> new UploadedFiles(dir.resolve("x"), 100).add("a.zip", new ByteArrayInputStream(zip(twelve))))
                .hasMessageContaining("is not one of the eleven");
        assertThatThrownBy(() -> new UploadedFiles(dir, 100).add("a.zip", text("not a zip at all")))
                .hasMessage("a.zip holds none of the eleven input files (or is not a zip file)");
    }

    @Test
    void bytesPastTheLimitRefuseTheUploadUnzippedOnesIncluded() throws IOException {
        UploadedFiles loose = new UploadedFiles(dir, 10);
        assertThatThrownBy(() -> loose.add("surveys.csv", text("12345678901"))).isInstanceOfSatisfying(UploadRefusedException.class,
                e -> {
                    assertThat(e.tooLarge()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("the upload is larger than the limit of 10 bytes (promise-ledger.upload-limit)");
                });
        Path other = Files.createDirectory(dir.resolve("zipped"));
        byte[] zip = zip("surveys.csv", "a".repeat(5000));
        assertThat(zip.length).isLessThan(200);
        assertThatThrownBy(() -> new UploadedFiles(other, 1000).add("q.zip", new ByteArrayInputStream(zip)))
                .isInstanceOfSatisfying(UploadRefusedException.class, e -> assertThat(e.tooLarge()).isTrue());
    }

    private static ByteArrayInputStream text(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] zip(Object... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) namesAndContents[i]));
                zip.write(((String) namesAndContents[i + 1]).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

}
