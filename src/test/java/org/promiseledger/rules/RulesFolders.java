package org.promiseledger.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.promiseledger.support.RulesCopy;

/** Copies of the shipped rules folder for tests that change, add or break a file. */
final class RulesFolders {

    static final Path SHIPPED = Path.of("rules");

    private RulesFolders() {
    }

    /** A copy of {@code rules/} at {@code target}, which must not exist yet. */
    static Path copyOfShipped(Path target) throws IOException {
        return RulesCopy.copyTree(SHIPPED, target);
    }

    /** Writes a file (creating its folders) under {@code folder}. */
    static Path write(Path folder, String relativePath, String text) throws IOException {
        Path file = folder.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
