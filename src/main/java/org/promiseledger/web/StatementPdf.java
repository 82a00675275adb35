package org.promiseledger.web;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.springframework.stereotype.Component;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The scorecard as a PDF statement (OpenPDF): the same figures as the page, at the same precision, so the paper a
 * person keeps matches the ledger. Built from a {@link ScorecardView} the caller was allowed to see.
 */
@Component
class StatementPdf {

    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 8.5f);
    private static final Font BODY_BOLD = new Font(Font.HELVETICA, 8.5f, Font.BOLD);
    private static final Font SMALL = new Font(Font.HELVETICA, 7.5f);

    byte[] render(ScorecardView card) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle("Scorecard " + card.employee().employeeId() + " " + card.period());
        document.addAuthor("Promise Ledger");
        document.open();
        document.add(new Paragraph("Promise Ledger — scorecard statement", TITLE));
        document.add(new Paragraph(card.employee().name() + " (" + card.employee().employeeId() + "), "
                + card.employee().role() + ", department " + card.employee().departmentId() + " " + card.departmentName(), BODY));
        document.add(new Paragraph("Period " + card.period() + " · run " + card.run().runId() + " (" + card.run().state()
                + ") · rule set " + Formats.versionOf(card.payout().ruleSetVersion()), BODY));

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
        document.add(new Paragraph(card.gate().reading(), BODY));

        if (!card.segments().isEmpty()) {
            heading(document, "Segments of the quarter");
            document.add(new Paragraph("Each segment is scored with its own department, role and pay on a target bonus pro rata"
                    + " to its days; the exact segment amounts are added and rounded once, half-even to cents.", SMALL));
            PdfPTable summary = table(new float[] {2.4f, 1, 1.2f, 2.2f, 1.4f, 1, 1.8f});
            header(summary, "Segment", "Days", "Role", "Department", "Target bonus", "Score", "Amount");
            for (ScorecardView.Segment s : card.segments()) {
                cells(summary, s.from() + " to " + s.to(), s.days() + " of " + s.quarterDays(), s.role(),
                        s.departmentId() + " " + s.departmentName(), money(card, s.targetBonus()), Formats.fourPlaces(s.score()),
                        s.gated() ? "0 (gate closed)" : s.exactAmount());
            }
            document.add(summary);
            document.add(new Paragraph("Payout = " + card.segmentsSum(), BODY));
            for (ScorecardView.Segment s : card.segments()) {
                heading(document, s.title());
                PdfPTable lines = table(new float[] {4, 1.3f, 1.3f, 1.5f});
                header(lines, "Component", "Weight", "Attainment", "Contribution");
                for (ScorecardView.ComponentLine c : s.components()) {
                    cells(lines, c.label(), Formats.fourPlaces(c.weight()), Formats.fourPlaces(c.attainment()),
                            Formats.fourPlaces(c.contribution()));
                }
                document.add(lines);
                document.add(new Paragraph(s.reading(), BODY));
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
        document.add(new Paragraph("Individual results: " + card.individual().reading(), BODY));

        for (ScopeCard scope : card.scopes()) {
            heading(document, scope.title() + ": CX index " + Formats.fourPlaces(scope.cxIndex()));
            document.add(new Paragraph("How: " + scope.cxReading(), SMALL));
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
                document.add(new Paragraph("Moment of truth " + check.touchpointId() + " " + check.touchpointName() + ": CSAT "
                        + Formats.fourPlaces(check.csat()) + " (n=" + check.sample() + ") — " + check.reading(), SMALL));
            }
        }

        heading(document, "How the payout was decided (rule trail)");
        for (TrailLine t : card.payoutTrail()) {
            document.add(new Paragraph("“" + t.ruleName() + "”: " + t.decision(), SMALL));
        }
        document.close();
        return out.toByteArray();
    }

    private static String money(ScorecardView card, java.math.BigDecimal amount) {
        return Formats.moneyOf(amount) + " " + card.payout().currency();
    }

    private static void heading(Document document, String text) {
        Paragraph p = new Paragraph(text, HEADING);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        document.add(p);
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingAfter(4);
        return table;
    }

    private static void row(PdfPTable table, String label, String value) {
        table.addCell(new PdfPCell(new Phrase(label, BODY)));
        PdfPCell cell = new PdfPCell(new Phrase(value, BODY_BOLD));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(cell);
    }

    private static void header(PdfPTable table, String... labels) {
        for (String label : labels) {
            table.addCell(new PdfPCell(new Phrase(label, BODY_BOLD)));
        }
    }

    private static void cells(PdfPTable table, String... values) {
        List.of(values).forEach(v -> table.addCell(new PdfPCell(new Phrase(v, BODY))));
    }
}
