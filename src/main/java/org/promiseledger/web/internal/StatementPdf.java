package org.promiseledger.web.internal;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The scorecard as a PDF statement (OpenPDF): the same figures as the page, at the same precision, so the paper a
 * person keeps matches the ledger. Built from a {@link ScorecardView} the caller was allowed to see.
 */
@Component
class StatementPdf {

    private static final float TITLE = 16;
    private static final float HEADING = 11;
    private static final float BODY = 8.5f;
    private static final float SMALL = 7.5f;

    private final StatementFonts fonts;

    StatementPdf() {
        this(StatementFonts.discover());
    }

    StatementPdf(StatementFonts fonts) {
        this.fonts = fonts;
    }

    byte[] render(ScorecardView card) {
        return new Statement().render(card);
    }

    /**
     * One statement being written. Text goes into full-width cells written left to right with the bidirectional
     * algorithm, so an Arabic or Hebrew name reads right to left (Arabic letters joined) inside a left-to-right line.
     */
    private final class Statement {

        private final Set<Integer> missing = new TreeSet<>();

        byte[] render(ScorecardView card) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A4, 36, 36, 36, 36);
            PdfWriter.getInstance(document, out);
            document.addTitle("Scorecard " + card.employee().employeeId() + " " + card.period());
            document.addAuthor("Promise Ledger");
            document.open();
            document.add(new Paragraph(fonts.phrase("Promise Ledger — scorecard statement", TITLE, true, missing)));
            text(document, card.employee().name() + " (" + card.employee().employeeId() + "), "
                    + card.employee().role() + ", department " + card.employee().departmentId() + " " + card.departmentName(), BODY);
            text(document, "Period " + card.period() + " · run " + card.run().runId() + " (" + card.run().state()
                    + ") · rule set " + Formats.versionOf(card.payout().ruleSetVersion()), BODY);

            heading(document, "Payout");
            PdfPTable payout = table(new float[] {3, 2});
            row(payout, "Target bonus", money(card, card.payout().targetBonus()));
            row(payout, "Score", Formats.fourPlaces(card.payout().score()));
            row(payout, "Amount", money(card, card.payout().amount()));
            for (ScorecardView.AdjustmentLine a : card.adjustments()) {
                row(payout, "Adjustment by " + a.bookedBy() + ": " + a.reason(), money(card, a.amount()));
            }
            row(payout, "Net so far", money(card, card.net()));
            document.add(payout);
            text(document, card.gate().reading(), BODY);

            if (!card.segments().isEmpty()) {
                heading(document, "Segments of the quarter");
                text(document, "Each segment is scored with its own department, role and pay on a target bonus pro rata"
                        + " to its days; the exact segment amounts are added and rounded once, half-even to cents.", SMALL);
                PdfPTable summary = table(new float[] {2.4f, 1, 1.2f, 2.2f, 1.4f, 1, 1.8f});
                header(summary, "Segment", "Days", "Role", "Department", "Target bonus", "Score", "Amount");
                for (ScorecardView.Segment s : card.segments()) {
                    cells(summary, s.from() + " to " + s.to(), s.days() + " of " + s.quarterDays(), s.role(),
                            s.departmentId() + " " + s.departmentName(), money(card, s.targetBonus()), Formats.fourPlaces(s.score()),
                            s.gated() ? "0 (gate closed)" : s.exactAmount());
                }
                document.add(summary);
                text(document, "Payout = " + card.segmentsSum(), BODY);
                for (ScorecardView.Segment s : card.segments()) {
                    heading(document, s.title());
                    PdfPTable lines = table(new float[] {4, 1.3f, 1.3f, 1.5f});
                    header(lines, "Component", "Weight", "Attainment", "Contribution");
                    for (ScorecardView.ComponentLine c : s.components()) {
                        cells(lines, c.label(), Formats.fourPlaces(c.weight()), Formats.fourPlaces(c.attainment()),
                                Formats.fourPlaces(c.contribution()));
                    }
                    document.add(lines);
                    text(document, s.reading(), BODY);
                }
            }

            heading(document, "Components");
            PdfPTable components = table(new float[] {4, 1.3f, 1.3f, 1.5f});
            header(components, "Component", "Weight", "Attainment", "Contribution");
            for (ScorecardView.ComponentLine c : card.components()) {
                cells(components, c.label(), Formats.fourPlaces(c.weight()), Formats.fourPlaces(c.attainment()),
                        c.proration() ? money(card, c.contribution()) : Formats.fourPlaces(c.contribution()));
            }
            document.add(components);
            text(document, "Individual results: " + card.individual().reading(), BODY);

            for (ScopeCard scope : card.scopes()) {
                heading(document, scope.title() + ": CX index " + Formats.fourPlaces(scope.cxIndex()));
                text(document, "How: " + scope.cxReading(), SMALL);
                PdfPTable metrics = table(new float[] {1.8f, 1.3f, 0.8f, 1.1f, 1.1f, 1.1f, 1.2f, 4});
                header(metrics, "Metric", "Value", "n", "Threshold", "Target", "Stretch", "Attainment", "Status / reading");
                for (MetricLine m : scope.metrics()) {
                    String reading = m.status() + ": " + m.reading();
                    if (m.npsInterval() != null) {
                        reading += "; 90 % interval " + Formats.fourPlaces(m.npsInterval().low()) + " to "
                                + Formats.fourPlaces(m.npsInterval().high());
                    }
                    cells(metrics, m.metric(), Formats.fourPlaces(m.value()), String.valueOf(m.sampleSize()),
                            Formats.fourPlaces(m.threshold()), Formats.fourPlaces(m.target()), Formats.fourPlaces(m.stretch()),
                            Formats.fourPlaces(m.attainment()), reading);
                }
                document.add(metrics);
                for (MomentCheck check : scope.moments()) {
                    text(document, "Moment of truth " + check.touchpointId() + " " + check.touchpointName() + ": CSAT "
                            + Formats.fourPlaces(check.csat()) + " (n=" + check.sample() + ") — " + check.reading(), SMALL);
                }
            }

            heading(document, "How the payout was decided (rule trail)");
            for (TrailLine t : card.payoutTrail()) {
                text(document, "“" + t.ruleName() + "”: " + t.decision(), SMALL);
            }
            if (!missing.isEmpty()) {
                // never silently: the reader sees that something is missing and which characters
                heading(document, "Characters that could not be shown");
                text(document, "No font on this server has " + missing.stream().map(cp -> String.format("U+%04X", cp)).toList()
                        + "; they appear as [U+XXXX] above. The web page shows them.", BODY);
            }
            document.close();
            return out.toByteArray();
        }

        private String money(ScorecardView card, java.math.BigDecimal amount) {
            return Formats.moneyOf(amount) + " " + card.payout().currency();
        }

        private void heading(Document document, String text) {
            PdfPTable table = line(text, HEADING, true);
            table.setSpacingBefore(10);
            table.setSpacingAfter(4);
            document.add(table);
        }

        private void text(Document document, String text, float size) {
            document.add(line(text, size, false));
        }

        private PdfPTable line(String text, float size, boolean bold) {
            PdfPTable table = new PdfPTable(1);
            table.setWidthPercentage(100);
            PdfPCell cell = cell(text, size, bold);
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(0);
            cell.setPaddingBottom(2);
            table.addCell(cell);
            return table;
        }

        private PdfPCell cell(String text, float size, boolean bold) {
            PdfPCell cell = new PdfPCell(fonts.phrase(text, size, bold, missing));
            cell.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
            return cell;
        }

        private PdfPTable table(float[] widths) {
            PdfPTable table = new PdfPTable(widths);
            table.setWidthPercentage(100);
            table.setSpacingAfter(4);
            return table;
        }

        private void row(PdfPTable table, String label, String value) {
            table.addCell(cell(label, BODY, false));
            PdfPCell cell = cell(value, BODY, true);
            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            table.addCell(cell);
        }

        private void header(PdfPTable table, String... labels) {
            for (String label : labels) {
                table.addCell(cell(label, BODY, true));
            }
        }

        private void cells(PdfPTable table, String... values) {
            List.of(values).forEach(v -> table.addCell(cell(v, BODY, false)));
        }
    }
}
