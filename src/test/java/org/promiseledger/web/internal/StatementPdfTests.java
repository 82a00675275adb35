package org.promiseledger.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.RunState;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/**
 * The PDF statement keeps every character of a name, whatever its script: set in a font that has it (the machine's
 * Noto fonts, found at run time), and when no font has it, shown as [U+XXXX] and listed, never dropped silently.
 */
class StatementPdfTests {

    @Test
    void aNameInChineseCharactersIsInTheStatementText() throws Exception {
        String text = pdfText(new StatementPdf().render(card("王小明", "客户服务部")));

        assertThat(text).contains("王小明").contains("客户服务部").doesNotContain("[U+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"山田太郎", "김민준", "Józef Wąsik", "Анна Кузнецова", "Σοφία Παπαδοπούλου", "देवनागरी नाम",
            "שרה כהן", "محمد علي", "Ayşe Yılmaz", "Nguyễn Văn An", "สมชาย ใจดี", "Արամ", "ნინო"})
    void everyCharacterOfANameInAnyCommonScriptReachesThePdf(String name) throws Exception {
        String text = Normalizer.normalize(pdfText(new StatementPdf().render(card(name, "Sales"))), Normalizer.Form.NFKC);

        // right-to-left names come out in visual order and Arabic in joined forms: compare characters, not order
        name.codePoints().filter(cp -> !Character.isWhitespace(cp) && Character.getType(cp) != Character.NON_SPACING_MARK)
                .forEach(cp -> assertThat(text).as(name + " U+%04X", cp).contains(new String(Character.toChars(cp))));
        assertThat(text).doesNotContain("[U+");
    }

    @Test
    void aCharacterNoFontHasIsShownAsItsCodeAndListedNotDropped() throws Exception {
        StatementPdf withoutFonts = new StatementPdf(StatementFonts.discover(List.of(Path.of("/usr/share/fonts/truetype/dejavu"))));

        String text = pdfText(withoutFonts.render(card("王 Smith", "Sales")));

        assertThat(text).contains("[U+738B] Smith").contains("Characters that could not be shown").contains("U+738B");
    }

    static ScorecardView card(String name, String departmentName) {
        QuarterlyRunRecord run = new QuarterlyRunRecord(7, "2026-Q3", "hr.alice", Instant.parse("2026-10-02T09:00:00Z"), "data",
                "rules", "f".repeat(64), "a".repeat(64), null, RunState.CALCULATED);
        return new ScorecardView(Period.parse("2026-Q3"), run, new Workforce.Member("E1", name, "D1", "STAFF", null),
                departmentName, new ScorecardView.Payout("STAFF", new BigDecimal("50000"), new BigDecimal("5000"),
                        new BigDecimal("1.1"), new BigDecimal("5500.00"), "EUR", "a".repeat(64)),
                List.of(), new ScorecardView.Individual(null, null, "no row in performance.csv"),
                new ScorecardView.Gate(BigDecimal.ONE, false, false, "the customer gate does not apply to staff"), List.of(),
                List.of(), List.of(), new BigDecimal("5500.00"), List.of());
    }

    static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }
}
