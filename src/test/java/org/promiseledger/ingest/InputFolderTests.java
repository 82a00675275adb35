package org.promiseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.support.RulesCopy;

/** The folder check before a run: files and header columns, told in words an office user can act on. */
class InputFolderTests {

    static final Path SMALL = Path.of("src/test/resources/jobs/small/input");

    @TempDir
    Path temp;

    @Test
    void aSemicolonSeparatedFileIsSaidToLookSemicolonSeparated() throws Exception {
        Path input = RulesCopy.copyTree(SMALL, temp.resolve("input"));
        Files.writeString(input.resolve("departments.csv"), "department_id;name;parent_id\nD1;CEO office;\n");
        Files.writeString(input.resolve("employees.csv"), "\uFEFFemployee_id;name;department_id;role;base_salary;"
                + "target_bonus_pct;manager_id\r\nE1;Ada;D1;EXECUTIVE;1000,50;40;\r\n");

        assertThat(new InputFolder(input).problems()).containsExactly(
                input.resolve("departments.csv") + ", line 1: the file looks semicolon-separated (as office programs save"
                        + " \"CSV\" in some locales); save it comma-separated (RFC 4180) and run again — header lacks"
                        + " column(s) department_id, name, parent_id",
                input.resolve("employees.csv") + ", line 1: the file looks semicolon-separated (as office programs save"
                        + " \"CSV\" in some locales); save it comma-separated (RFC 4180) and run again — header lacks"
                        + " column(s) employee_id, name, department_id, role, base_salary, target_bonus_pct, manager_id");
    }

    @Test
    void aTabSeparatedFileIsSaidToLookTabSeparated() throws Exception {
        Path input = RulesCopy.copyTree(SMALL, temp.resolve("input"));
        Files.writeString(input.resolve("targets.csv"), "metric\tscope\tthreshold\ttarget\tstretch\n");

        assertThat(new InputFolder(input).problems()).singleElement().asString().contains("looks tab-separated");
    }

    @Test
    void aHeaderMissingAColumnOnlyNamesTheColumn() throws Exception {
        Path input = RulesCopy.copyTree(SMALL, temp.resolve("input"));
        Files.writeString(input.resolve("departments.csv"), "department_id,name\nD1,CEO office\n");

        assertThat(new InputFolder(input).problems())
                .containsExactly(input.resolve("departments.csv") + ", line 1: header lacks column(s) parent_id");
    }

    @Test
    void aColumnNamedTwiceInTheHeaderIsRefusedRatherThanOneCopyPickedSilently() throws Exception {
        Path input = RulesCopy.copyTree(SMALL, temp.resolve("input"));
        Files.writeString(input.resolve("touchpoints.csv"), Files.readString(input.resolve("touchpoints.csv"))
                .replaceFirst("\\R", ",name\n").replaceAll("(?m)^(T\\d+,.*)$", "$1,Other name"));

        assertThat(new InputFolder(input).problems()).containsExactly(input.resolve("touchpoints.csv")
                + ", line 1: column name appears more than once in the header; keep one, so that it is clear which values count");
    }

    @Test
    void aMissingColumnPresentInOtherLetterCaseSaysSo() throws Exception {
        Path input = RulesCopy.copyTree(SMALL, temp.resolve("input"));
        Files.writeString(input.resolve("departments.csv"), "Department_ID,name,parent_id\nD1,CEO office,\n");

        assertThat(new InputFolder(input).problems()).containsExactly(input.resolve("departments.csv")
                + ", line 1: header lacks column(s) department_id (the header has Department_ID: column names are lower case,"
                + " exactly as the data contract writes them)");
    }

    @Test
    void aDataPathThatIsAFileIsSaidToBeAFile() throws Exception {
        Path input = RulesCopy.copyTree(SMALL, temp.resolve("input"));

        assertThat(new InputFolder(input.resolve("surveys.csv")).problems())
                .containsExactly("input folder " + input.resolve("surveys.csv") + " is a file, not a folder");
    }

    @Test
    void anEmptyFileIsSaidToBeEmptyAndToNeedItsHeaderRow() throws Exception {
        Path input = RulesCopy.copyTree(SMALL, temp.resolve("input"));
        Files.write(input.resolve("churn.csv"), new byte[0]);
        Files.writeString(input.resolve("complaints.csv"), "\n\n");

        assertThat(new InputFolder(input).problems()).containsExactly(
                input.resolve("complaints.csv") + ": the file is empty (only blank lines); it needs at least the header row: "
                        + String.join(",", InputFile.COMPLAINTS.header()),
                input.resolve("churn.csv") + ": the file is empty (0 bytes); it needs at least the header row: "
                        + String.join(",", InputFile.CHURN.header()));
    }

    @Test
    void aFileNotInUtf8IsNamedAtTheLineOfItsFirstBadByteEvenInsideTheHeaderBuffer() throws Exception {
        Path input = RulesCopy.copyTree(SMALL, temp.resolve("input"));
        Path employees = input.resolve("employees.csv");
        List<String> lines = Files.readAllLines(employees);
        lines.set(3, lines.get(3).replaceFirst(",", ",Ren\u00e9 "));
        Files.write(employees, (String.join("\n", lines) + "\n").getBytes(Charset.forName("windows-1252")));
        int column = lines.get(3).indexOf('\u00e9') + 1;

        assertThat(new InputFolder(input).problems()).containsExactly("employees.csv, line 4, column " + column
                + " (byte 0xE9 at offset " + offsetOfFirst(employees, (byte) 0xE9) + ", '\u00e9' in Windows-1252)"
                + ": the file is not UTF-8 text (save it as CSV UTF-8)");
    }

    private static int offsetOfFirst(Path file, byte value) throws java.io.IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        throw new AssertionError("no such byte");
    }
}
