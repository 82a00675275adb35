package org.promiseledger.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.promiseledger.rules.RulesFolders.copyOfShipped;
import static org.promiseledger.rules.RulesFolders.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule-set version (docs/semantics.md "Precise semantics"): SHA-256 over every file of the rules folder except
 * {@code scenarios/}, {@code README*} and hidden files, each fed as its relative path with {@code /}, a NUL, its
 * bytes, a NUL, in sorted path order; lower-case hex.
 */
class RuleSetVersionTests {

    @TempDir
    Path temp;

    private Path rules;
    private String shippedVersion;

    @BeforeEach
    void copyTheShippedRules() throws IOException {
        rules = copyOfShipped(temp.resolve("rules"));
        shippedVersion = new RuleSetFolder(RulesFolders.SHIPPED).version();
    }

    private String version() {
        return new RuleSetFolder(rules).version();
    }

    @Test
    void theSameFilesGiveTheSameVersionWhereverTheFolderIs() {
        assertEquals(shippedVersion, version());
    }

    @Test
    void aRulesFolderReachedThroughASymbolicLinkHasTheSameFilesAndVersion() throws IOException {
        Path link = Files.createSymbolicLink(temp.resolve("rules-current"), rules);

        assertEquals(new RuleSetFolder(rules).versionedFiles().keySet(), new RuleSetFolder(link).versionedFiles().keySet());
        assertEquals(shippedVersion, new RuleSetFolder(link).version());
    }

    @Test
    void aRulesPathThatIsAFileIsSaidToBeAFile() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new RuleSetFolder(rules.resolve("cx-index.drl")).versionedFiles());
        assertTrue(refused.getMessage().endsWith("cx-index.drl is a file, not a folder"), refused.getMessage());
    }

    @Test
    void theVersionIsLowerCaseHexAndShownByItsFirstTwelveDigits() {
        assertTrue(shippedVersion.matches("[0-9a-f]{64}"), shippedVersion);
        assertEquals(shippedVersion.substring(0, 12), RuleSetFolder.shortVersion(shippedVersion));
    }

    @Test
    void theVersionChangesWhenARuleFileChanges() throws IOException {
        // given an analyst adds a comment to cx-index.drl
        Files.writeString(rules.resolve("cx-index.drl"), "// reviewed\n", StandardOpenOption.APPEND);
        // then
        assertNotEquals(shippedVersion, version());
    }

    @Test
    void theVersionChangesWhenADecisionTableChanges() throws IOException {
        // given one byte of role-weights.drl.xlsx differs
        Path table = rules.resolve("role-weights.drl.xlsx");
        byte[] bytes = Files.readAllBytes(table);
        bytes[bytes.length - 1] ^= 1;
        Files.write(table, bytes);
        // then
        assertNotEquals(shippedVersion, version());
    }

    @Test
    void theVersionChangesWhenARuleFileIsAddedOrRenamed() throws IOException {
        // given a new rule file
        write(rules, "extra/bonus.drl", "package org.promiseledger.plan\n");
        String added = version();
        assertNotEquals(shippedVersion, added);
        // and when it is renamed, bytes unchanged
        Files.move(rules.resolve("extra/bonus.drl"), rules.resolve("extra/bonus2.drl"));
        assertNotEquals(added, version());
    }

    @Test
    void theVersionDoesNotChangeWhenAScenarioIsAdded() throws IOException {
        write(rules, "scenarios/q3-what-if/input/targets.csv", "metric,scope_type,scope_id\n");
        write(rules, "scenarios/notes.drl", "package what.if\n");
        assertEquals(shippedVersion, version());
    }

    @Test
    void theVersionDoesNotChangeWhenAReadmeIsAdded() throws IOException {
        write(rules, "README.md", "# How to edit the plan\n");
        write(rules, "README", "plain notes\n");
        assertEquals(shippedVersion, version());
    }

    @Test
    void theVersionDoesNotChangeWhenAHiddenFileIsAdded() throws IOException {
        write(rules, ".DS_Store", "finder noise");
        write(rules, ".git/config", "[core]\n");
        write(rules, "extra/.~lock.role-weights.drl.xlsx#", "lock");
        assertEquals(shippedVersion, version());
    }

    @Test
    void theVersionIsTheSha256OfPathNulBytesNulInSortedPathOrder() throws IOException, NoSuchAlgorithmException {
        // given a tiny folder: four versioned files and four that are not
        Path tiny = temp.resolve("tiny");
        write(tiny, "b.drl", "rule b");
        write(tiny, "a/b.drl", "rule a/b");
        write(tiny, "a-b.drl", "rule a-b");
        write(tiny, "Z.drl", "");
        write(tiny, "scenarios/s.csv", "ignored");
        write(tiny, "README.md", "ignored");
        write(tiny, ".hidden", "ignored");
        write(tiny, ".cache/x.drl", "ignored");
        // when I hash it by hand, in code-point order: 'Z' (5A) < 'a' (61); "a-b" ('-' 2D) < "a/b" ('/' 2F) < "b"
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (List<String> file : List.of(List.of("Z.drl", ""), List.of("a-b.drl", "rule a-b"),
                List.of("a/b.drl", "rule a/b"), List.of("b.drl", "rule b"))) {
            sha.update(file.get(0).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(file.get(1).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        String expected = HexFormat.of().formatHex(sha.digest());
        // then
        RuleSetFolder folder = new RuleSetFolder(tiny);
        assertEquals(List.of("Z.drl", "a-b.drl", "a/b.drl", "b.drl"), List.copyOf(folder.versionedFiles().keySet()));
        assertEquals(expected, folder.version());
    }
}
