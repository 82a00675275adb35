package org.promiseledger.web.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;

/**
 * The fonts of the PDF statement, found on the machine at run time (Debian: fonts-noto-core and fonts-noto-cjk; also
 * DejaVu, Liberation, or the folders named by {@code promise-ledger.pdf-font-dirs}) and embedded. A multinational's
 * names are in many scripts, and the standard PDF fonts only know Western European letters, so each character is
 * set in the first font that has it: a Latin base, then CJK, then each script's Noto font. A character no font has
 * is never dropped silently: it is shown as {@code [U+XXXX]}, logged, and reported to the caller.
 */
final class StatementFonts {

    private static final Logger LOG = LoggerFactory.getLogger(StatementFonts.class);

    /** Where operating systems keep fonts; the first match of each preferred file name wins. */
    static final List<Path> SYSTEM_FONT_DIRS = List.of(Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts"),
            Path.of(System.getProperty("user.home"), ".local/share/fonts"), Path.of(System.getProperty("user.home"), ".fonts"),
            Path.of("/Library/Fonts"), Path.of("/System/Library/Fonts"), Path.of("C:/Windows/Fonts"));

    /** Latin (with Greek and Cyrillic) first, so ordinary text keeps one face; bold where the family has it. */
    private static final List<String> BASE = List.of("NotoSans-Regular.ttf", "DejaVuSans.ttf", "LiberationSans-Regular.ttf",
            "Arial.ttf", "arial.ttf");
    private static final List<String> BASE_BOLD = List.of("NotoSans-Bold.ttf", "DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf",
            "Arial Bold.ttf", "arialbd.ttf");
    private static final List<String> CJK = List.of("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "NotoSansSC-Regular.otf");
    private static final List<String> CJK_BOLD = List.of("NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold.otf", "NotoSansSC-Bold.otf");

    /** One candidate font file, loaded on first need (there may be a hundred script fonts; most statements need one). */
    private static final class Candidate {
        final Path file;
        volatile BaseFont font;
        volatile boolean broken;

        Candidate(Path file) {
            this.file = file;
        }

        BaseFont load() {
            if (font == null && !broken) {
                synchronized (this) {
                    if (font == null && !broken) {
                        String name = file.toString() + (file.toString().toLowerCase(Locale.ROOT).endsWith(".ttc") ? ",0" : "");
                        try {
                            font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                        } catch (Exception | Error e) {
                            broken = true;
                            LOG.warn("PDF statement: cannot use font {}: {}", file, e.toString());
                        }
                    }
                }
            }
            return font;
        }
    }

    private final List<Candidate> regular;
    private final List<Candidate> bold;
    private final Map<Integer, Integer> regularIndex = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> boldIndex = new ConcurrentHashMap<>();

    private StatementFonts(List<Path> regular, List<Path> bold) {
        this.regular = regular.stream().map(Candidate::new).toList();
        this.bold = bold.stream().map(Candidate::new).toList();
    }

    /** The fonts found under the given folders (missing folders are skipped). */
    static StatementFonts discover(List<Path> dirs) {
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile).filter(StatementFonts::isFontFile).sorted().forEach(files::add);
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("PDF statement: cannot list fonts in {}: {}", dir, e.toString());
            }
        }
        Set<Path> regular = new LinkedHashSet<>();
        Set<Path> bold = new LinkedHashSet<>();
        pick(files, BASE).ifPresent(regular::add);
        pick(files, BASE_BOLD).ifPresent(bold::add);
        pick(files, CJK).ifPresent(regular::add);
        pick(files, CJK_BOLD).ifPresent(bold::add);
        // then each script's own sans face, then anything else that is not a decorative or symbol face
        files.stream().filter(f -> name(f).startsWith("NotoSans") && name(f).endsWith("-Regular.ttf")).forEach(regular::add);
        files.stream().filter(f -> name(f).startsWith("NotoSans") && name(f).endsWith("-Bold.ttf")).forEach(bold::add);
        files.stream().filter(f -> name(f).endsWith("-Regular.ttf") || name(f).endsWith(".ttf") && !name(f).contains("-"))
                .sorted(Comparator.comparing(StatementFonts::name)).forEach(regular::add);
        if (regular.isEmpty()) {
            LOG.warn("PDF statement: no font files found in {}; names in non-Latin scripts will show as [U+XXXX]", dirs);
        }
        // bold falls back to the regular faces for scripts without a bold file
        bold.addAll(regular);
        return new StatementFonts(new ArrayList<>(regular), new ArrayList<>(bold));
    }

    static StatementFonts discover() {
        String extra = System.getProperty("promise-ledger.pdf-font-dirs", System.getenv().getOrDefault("PROMISE_LEDGER_PDF_FONT_DIRS", ""));
        List<Path> dirs = new ArrayList<>();
        for (String dir : extra.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                dirs.add(Path.of(dir.trim()));
            }
        }
        dirs.addAll(SYSTEM_FONT_DIRS);
        return discover(dirs);
    }

    /** The text as a phrase whose every character is set in a font that has it; {@code missing} collects the rest. */
    Phrase phrase(String text, float size, boolean isBold, Set<Integer> missing) {
        Phrase phrase = new Phrase();
        if (text == null || text.isEmpty()) {
            return phrase;
        }
        StringBuilder run = new StringBuilder();
        BaseFont runFont = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            BaseFont font = fontFor(cp, isBold);
            String piece = new String(Character.toChars(cp));
            if (font == null && !Character.isWhitespace(cp) && !Character.isISOControl(cp)) {
                missing.add(cp);
                LOG.warn("PDF statement: no font has U+{} ({}); shown as [U+{}]", hex(cp), Character.getName(cp), hex(cp));
                piece = "[U+" + hex(cp) + "]";
                font = fontFor('U', isBold);
            } else if (font == null) {
                font = fontFor('a', isBold);
            }
            if (font != runFont && run.length() > 0) {
                phrase.add(chunk(run.toString(), runFont, size, isBold));
                run.setLength(0);
            }
            runFont = font;
            run.append(piece);
        }
        phrase.add(chunk(run.toString(), runFont, size, isBold));
        return phrase;
    }

    private BaseFont fontFor(int cp, boolean isBold) {
        List<Candidate> candidates = isBold ? bold : regular;
        Map<Integer, Integer> index = isBold ? boldIndex : regularIndex;
        int found = index.computeIfAbsent(cp, c -> {
            for (int k = 0; k < candidates.size(); k++) {
                BaseFont font = candidates.get(k).load();
                if (font != null && font.charExists(c)) {
                    return k;
                }
            }
            return -1;
        });
        return found < 0 ? null : candidates.get(found).load();
    }

    private static Chunk chunk(String text, BaseFont font, float size, boolean isBold) {
        if (font == null) {
            // no font at all on this machine: the standard Helvetica, which the PDF viewer always has
            return new Chunk(text, new Font(Font.HELVETICA, size, isBold ? Font.BOLD : Font.NORMAL));
        }
        return new Chunk(text, new Font(font, size));
    }

    private static String hex(int cp) {
        return String.format("%04X", cp);
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    private static boolean isFontFile(Path file) {
        String n = name(file).toLowerCase(Locale.ROOT);
        return n.endsWith(".ttf") || n.endsWith(".otf") || n.endsWith(".ttc");
    }

    private static java.util.Optional<Path> pick(List<Path> files, List<String> preferred) {
        for (String wanted : preferred) {
            for (Path f : files) {
                if (name(f).equals(wanted)) {
                    return java.util.Optional.of(f);
                }
            }
        }
        return java.util.Optional.empty();
    }
}
