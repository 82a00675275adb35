package org.promiseledger.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.kernel.Sha256;
import org.promiseledger.kernel.BadInputException;

/** A period's input folder: checks that every file of the data contract is there with its header, and fingerprints it. */
public record InputFolder(Path dir) {

    /** Every missing file and missing header column, so an operator fixes them all in one go; empty when usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return List.of("input folder " + dir + (Files.exists(dir) ? " is a file, not a folder" : " does not exist"));
        }
        for (InputFile file : InputFile.values()) {
            Path path = dir.resolve(file.fileName());
            if (!Files.isRegularFile(path)) {
                problems.add(path + ": file missing (all eleven files are required; a header-only file is fine)");
                continue;
            }
            try (NumberedRecords records = new NumberedRecords(path)) {
                if (records.header().isEmpty()) {
                    problems.add(path + ": the file is empty" + (Files.size(path) == 0 ? " (0 bytes)" : " (only blank lines)")
                            + "; it needs at least the header row: " + String.join(",", file.header()));
                    continue;
                }
                List<String> missing = file.header().stream()
                        .filter(c -> !records.header().contains(c) && !file.columnsHeaderMayLack().contains(c)).toList();
                if (!missing.isEmpty()) {
                    problems.add(path + ", line 1: " + separatorHint(records.header(), file)
                            + "header lacks column(s) " + String.join(", ", missing) + caseHint(records.header(), missing));
                }
                repeatedColumns(records.header(), file).forEach(column -> problems.add(path + ", line 1: column " + column
                        + " appears more than once in the header; keep one, so that it is clear which values count"));
            } catch (BadInputException e) {
                problems.addAll(e.problems());
            } catch (IOException | RuntimeException e) {
                problems.add(path + ", line 1: cannot read the header: " + e.getMessage());
            }
        }
        return problems;
    }

    /** The data contract's columns the header names twice or more: which of the copies counts would be a guess. */
    private static List<String> repeatedColumns(List<String> header, InputFile file) {
        return file.header().stream().filter(c -> header.indexOf(c) != header.lastIndexOf(c)).toList();
    }

    /** Column names are matched exactly: say so when a missing one is there in other letter case ("Touchpoint_ID"). */
    private static String caseHint(List<String> header, List<String> missing) {
        List<String> otherCase = header.stream()
                .filter(h -> missing.stream().anyMatch(m -> m.equalsIgnoreCase(h.trim()) && !m.equals(h))).toList();
        return otherCase.isEmpty() ? "" : " (the header has " + String.join(", ", otherCase)
                + ": column names are lower case, exactly as the data contract writes them)";
    }

    /**
     * Office programs in many European locales save "CSV" with semicolons (or tabs): the whole header then reads as
     * one column. Say so, rather than only listing every column as missing.
     */
    static String separatorHint(List<String> header, InputFile file) {
        if (header.size() != 1) {
            return "";
        }
        for (String separator : List.of(";", "\t", "|")) {
            List<String> split = Arrays.stream(header.get(0).split(java.util.regex.Pattern.quote(separator), -1)).map(String::trim).toList();
            if (split.size() > 1 && split.containsAll(file.header().subList(0, Math.min(2, file.header().size())))) {
                String name = separator.equals(";") ? "semicolon" : separator.equals("\t") ? "tab" : "bar (|)";
                String how = separator.equals("\t") ? "as office programs save \"Unicode text\" or \"Text (tab delimited)\""
                        : "as office programs save \"CSV\" in some locales";
                return "the file looks " + name + "-separated (" + how + "); save it comma-separated (RFC 4180) and run"
                        + " again — ";
            }
        }
        return "";
    }

    /** SHA-256 over the eleven files (name, NUL, bytes, NUL): a crashed run is only resumed when its inputs are unchanged. */
    public String fingerprint() {
        Map<String, Path> files = new LinkedHashMap<>();
        for (InputFile file : InputFile.values()) {
            files.put(file.fileName(), dir.resolve(file.fileName()));
        }
        return Sha256.ofFiles(files);
    }
}
