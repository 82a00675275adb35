package org.promiseledger.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.promiseledger.kernel.Sha256;
import org.promiseledger.kernel.CodePoints;

/**
 * The rules folder on disk. Its rule-set version is the SHA-256 of every file in it except {@code scenarios/},
 * {@code README*} and hidden files: path relative to the folder with {@code /}, NUL, bytes, NUL, in sorted path
 * order — so editing any rule or table gives a new version, and adding a scenario or a note does not.
 */
public record RuleSetFolder(Path dir) {

    /** The versioned files, keyed by their relative path with {@code /} separators, in code-point order. */
    public Map<String, Path> versionedFiles() {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("rules folder " + dir.toAbsolutePath()
                    + (Files.exists(dir) ? " is a file, not a folder" : " does not exist"));
        }
        // links followed: a deployment often points rules/ (or a sub-folder) at a release folder
        try (Stream<Path> walk = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            Map<String, Path> files = new LinkedHashMap<>();
            walk.filter(Files::isRegularFile)
                    .map(p -> Map.entry(relative(p), p))
                    .filter(e -> isVersioned(e.getKey()))
                    .sorted(Map.Entry.comparingByKey(CodePoints.ORDER))
                    .forEach(e -> files.put(e.getKey(), e.getValue()));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list rules folder " + dir + ": " + e.getMessage(), e);
        }
    }

    public String version() {
        return Sha256.ofFiles(versionedFiles());
    }

    /** The first 12 hex digits, as the rule-set version is shown and exported. */
    public static String shortVersion(String version) {
        return version.substring(0, Math.min(12, version.length()));
    }

    private String relative(Path file) {
        return dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    static boolean isVersioned(String relativePath) {
        List<String> parts = List.of(relativePath.split("/"));
        if (parts.get(0).equals("scenarios")) {
            return false;
        }
        if (parts.stream().anyMatch(p -> p.startsWith("."))) {
            return false;
        }
        return !parts.get(parts.size() - 1).startsWith("README");
    }
}
