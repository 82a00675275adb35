package org.promiseledger.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every rule-set version a run used, file by file, byte for byte. Kept once per version; never changed, so what paid
 * a past period can always be printed and re-run.
 */
@Repository
public class RuleSetArchive {

    private final JdbcTemplate jdbc;

    RuleSetArchive(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the folder's files under its version, unless that version is already kept. */
    public void keep(Path rulesDir, String version) {
        Integer kept = jdbc.queryForObject("SELECT COUNT(*) FROM rule_set_file WHERE rule_set_version = ?", Integer.class, version);
        if (kept != null && kept > 0) {
            return;
        }
        RuleSetFolder folder = new RuleSetFolder(rulesDir);
        if (!folder.version().equals(version)) {
            throw new IllegalStateException("the rules in " + rulesDir + " changed while the run was starting; run again");
        }
        for (Map.Entry<String, Path> file : folder.versionedFiles().entrySet()) {
            jdbc.update("INSERT INTO rule_set_file (rule_set_version, path, content) VALUES (?, ?, ?)", version, file.getKey(),
                    read(file.getValue()));
        }
    }

    /** The full version a prefix (as shown, 12 hex digits, or longer) names, if exactly one is kept. */
    public List<String> versionsStartingWith(String prefix) {
        return jdbc.queryForList("SELECT DISTINCT rule_set_version FROM rule_set_file WHERE rule_set_version LIKE ?",
                String.class, prefix.toLowerCase(java.util.Locale.ROOT) + "%");
    }

    /** The files of a kept version, by relative path, in code-point order. */
    public Map<String, byte[]> filesOf(String version) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        jdbc.query("SELECT path, content FROM rule_set_file WHERE rule_set_version = ? ORDER BY path", rs -> {
            files.put(rs.getString(1), rs.getBytes(2));
        }, version);
        return files;
    }

    /** Writes a kept version into a folder, which then has exactly that version. */
    public Path restore(String version, Path into) {
        try {
            for (Map.Entry<String, byte[]> file : filesOf(version).entrySet()) {
                Path target = into.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore rule set " + version + " into " + into + ": " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + file + ": " + e.getMessage(), e);
        }
    }
}
