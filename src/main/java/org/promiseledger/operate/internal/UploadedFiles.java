package org.promiseledger.operate.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.promiseledger.ingest.InputFile;
import org.promiseledger.operate.UploadRefusedException;

/**
 * Writes uploaded parts into one folder: each part is one of the eleven CSV files, or a zip holding them. Only the
 * base name of a file counts (a zip's folders are ignored, so no entry can write outside the folder); every byte
 * written, unzipped ones included, counts against the limit.
 */
public final class UploadedFiles {

    /** The eleven file names of the data contract, in its order. */
    public static final List<String> EXPECTED = Arrays.stream(InputFile.values()).map(InputFile::fileName).toList();

    private final Path dir;
    private final long limitBytes;
    private final Set<String> written = new LinkedHashSet<>();
    private long totalBytes;

    /** Files go into {@code dir}; more than {@code limitBytes} in all (unzipped bytes included) is refused. */
    public UploadedFiles(Path dir, long limitBytes) {
        this.dir = dir;
        this.limitBytes = limitBytes;
    }

    /**
     * Writes one uploaded part: a CSV of the contract (by its base name) or a zip of them.
     *
     * @throws UploadRefusedException for an unknown or repeated file, or when the limit is passed
     */
    public void add(String originalName, InputStream content) throws IOException {
        String name = baseName(originalName);
        if (name.isEmpty()) {
            throw refused("a file without a name was uploaded; choose the eleven CSV files or one zip of them");
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            addZip(name, content);
        } else {
            addCsv(name, content);
        }
    }

    private void addZip(String zipName, InputStream content) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(content)) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null) {
                String name = baseName(entry.getName());
                if (entry.isDirectory() || name.isEmpty() || name.startsWith(".") || entry.getName().startsWith("__MACOSX/")) {
                    continue;
                }
                if (++entries > EXPECTED.size()) {
                    throw refused(zipName + " holds more than the eleven input files");
                }
                addCsv(name, zip);
            }
            if (entries == 0) {
                throw refused(zipName + " holds none of the eleven input files (or is not a zip file)");
            }
        } catch (java.util.zip.ZipException e) {
            throw refused(zipName + " is not a readable zip file: " + e.getMessage());
        }
    }

    private void addCsv(String name, InputStream content) throws IOException {
        if (!EXPECTED.contains(name)) {
            throw refused(name + " is not one of the eleven input files (" + String.join(", ", EXPECTED) + ")");
        }
        if (!written.add(name)) {
            throw refused(name + " was uploaded twice; give each file once");
        }
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
            int n;
            while ((n = content.read(buffer)) > 0) {
                totalBytes += n;
                if (totalBytes > limitBytes) {
                    throw new UploadRefusedException("the upload is larger than the limit of " + describe(limitBytes)
                            + " (promise-ledger.upload-limit)", true);
                }
                out.write(buffer, 0, n);
            }
        }
    }

    /** The files still missing after every part was written; the run needs all eleven. */
    public void requireAll() {
        List<String> missing = EXPECTED.stream().filter(f -> !written.contains(f)).toList();
        if (!missing.isEmpty()) {
            throw refused("missing: " + String.join(", ", missing) + " (all eleven files are required; a header-only file is fine)");
        }
    }

    /** Bytes written so far, unzipped bytes included. */
    public long totalBytes() {
        return totalBytes;
    }

    private static String describe(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    private static String baseName(String name) {
        if (name == null) {
            return "";
        }
        String normalised = name.replace('\\', '/');
        return normalised.substring(normalised.lastIndexOf('/') + 1).trim();
    }

    private static UploadRefusedException refused(String message) {
        return new UploadRefusedException(message, false);
    }
}
