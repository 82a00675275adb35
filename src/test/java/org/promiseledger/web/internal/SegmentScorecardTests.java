package org.promiseledger.web.internal;

import org.promiseledger.web.AppRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunOutcome;
import org.promiseledger.runs.RunRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/**
 * Scorecards of employees with mid-quarter changes (data set src/test/resources/jobs/history, gate closed): each
 * segment with its dates, days, department, role, components and how its amount adds up, on the page and in the PDF;
 * and who sees whose pay follows the latest segment. A database of its own, so the shared web database keeps its
 * small company.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "promise-ledger.cli.enabled=false",
        "promise-ledger.min-sample=3",
        "spring.main.web-application-type=servlet",
        "spring.datasource.url=jdbc:h2:mem:segments-${random.uuid};MODE=MySQL;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password="})
@AutoConfigureMockMvc
class SegmentScorecardTests {

    static final Period Q3 = Period.parse("2026-Q3");

    @Autowired
    MockMvc mvc;

    @Autowired
    DatabaseUserDetailsService logins;

    @BeforeEach
    void runHistory(@Autowired QuarterlyRunner runner, @Autowired RunRegistry registry, @Autowired AppUsers users) {
        if (registry.latestCalculated(Q3).isPresent()) {
            return;
        }
        RunOutcome outcome = runner.run(Q3, Path.of("src/test/resources/jobs/history/input"), Path.of("rules"), "hr.alice");
        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        users.save("lou", "pw", AppRole.EMPLOYEE, "E12");   // STAFF, then EXECUTIVE from 08-16
        users.save("jo", "pw", AppRole.EMPLOYEE, "E10");    // moved from D3 (manager E3) to D4 (manager E4)
        users.save("dan", "pw", AppRole.EMPLOYEE, "E4");    // MANAGER of D4
        users.save("cleo", "pw", AppRole.EXECUTIVE, "E3");  // EXECUTIVE of D3
        users.save("finn", "pw", AppRole.EMPLOYEE, "E6");   // managed E9 until he was promoted
    }

    @Test
    void showsEachSegmentWithItsDatesDaysRoleDepartmentAndHowTheAmountAddsUp() throws Exception {
        Document page = page("/scorecards/E12?period=2026-Q3", "lou");

        assertThat(page.getElementById("amount").text()).isEqualTo("2,007.42");
        assertThat(page.getElementById("target-bonus").text()).isEqualTo("20,250.00");
        assertThat(page.getElementById("score").text()).isEqualTo("0.8389");
        Element staff = page.selectFirst("#segment-summary tr[data-segment=2026-07-01]");
        assertThat(staff.text()).contains("2026-07-01 to 2026-08-15");
        assertThat(staff.selectFirst(".days").text()).isEqualTo("46 of 92");
        assertThat(staff.selectFirst(".role").text()).isEqualTo("STAFF");
        assertThat(staff.selectFirst(".department").text()).startsWith("D1 ");
        assertThat(staff.selectFirst(".target-bonus").text()).isEqualTo("2,250.00");
        assertThat(staff.selectFirst(".score").text()).isEqualTo("0.8922");
        assertThat(staff.selectFirst(".amount").text()).isEqualTo("2007.421875");
        Element executive = page.selectFirst("#segment-summary tr[data-segment=2026-08-16]");
        assertThat(executive.selectFirst(".role").text()).isEqualTo("EXECUTIVE");
        assertThat(executive.selectFirst(".target-bonus").text()).isEqualTo("18,000.00");
        assertThat(executive.selectFirst(".score").text()).isEqualTo("0.8322");
        assertThat(executive.selectFirst(".amount").text()).isEqualTo("0 (gate closed)");
        assertThat(page.getElementById("segments-sum").text()).isEqualTo("Payout = 2007.421875 + 0.00 = 2007.421875, rounded half-even to cents: 2,007.42");
        Element staffSection = page.selectFirst("section.segment[data-segment=2026-07-01]");
        assertThat(staffSection.select("tr[data-component]")).extracting(e -> e.attr("data-component"))
                .containsExactly("COMPANY_CX", "DEPARTMENT_CX", "INDIVIDUAL");
        assertThat(staffSection.selectFirst("tr[data-component=DEPARTMENT_CX] .contribution").text()).isEqualTo("0.2353");
        assertThat(staffSection.selectFirst(".segment-reading").text())
                .isEqualTo("target bonus 2,250.00 (46 of 92 days) × score 0.8922 = 2007.421875");
        Element executiveSection = page.selectFirst("section.segment[data-segment=2026-08-16]");
        assertThat(executiveSection.select("tr[data-component]")).extracting(e -> e.attr("data-component"))
                .containsExactly("COMPANY_CX", "SUBTREE_CX", "INDIVIDUAL");
        assertThat(executiveSection.selectFirst(".segment-reading").text()).contains("customer gate closed");
        assertThat(page.getElementById("gate").text()).contains("every gated segment").contains("other segments are paid");
    }

    @Test
    void showsTheScopesOfEveryDepartmentTheEmployeeWorkedIn() throws Exception {
        Document page = page("/scorecards/E10?period=2026-Q3", "jo");

        assertThat(page.selectFirst("#segment-summary tr[data-segment=2026-07-01] .department").text()).startsWith("D3 ");
        assertThat(page.selectFirst("#segment-summary tr[data-segment=2026-08-01] .department").text()).startsWith("D4 ");
        assertThat(page.selectFirst("#segment-summary tr[data-segment=2026-08-01] .days").text()).isEqualTo("61 of 92");
        assertThat(page.text()).contains("Department CX index (D3").contains("Department CX index (D4");
        assertThat(page.getElementById("amount").text()).isEqualTo("7,992.83");
    }

    @Test
    void writesEachSegmentIntoThePdfStatement() throws Exception {
        byte[] pdf = mvc.perform(get("/scorecards/E10/statement.pdf?period=2026-Q3").with(as("jo"))).andReturn().getResponse()
                .getContentAsByteArray();

        String text = pdfText(pdf);
        assertThat(text).contains("Segments of the quarter").contains("2026-07-01 to 2026-07-31").contains("31 of 92")
                .contains("2026-08-01 to 2026-09-30").contains("61 of 92").contains("7,992.83 EUR")
                .contains("rounded half-even to cents: 7,992.83");
    }

    @Test
    void whoSeesWhosePayFollowsTheLatestSegment() throws Exception {
        assertThat(status("/scorecards/E10?period=2026-Q3", "dan")).as("E10's manager since August").isEqualTo(200);
        assertThat(status("/scorecards/E10?period=2026-Q3", "cleo")).as("E10 left D3 in July").isEqualTo(403);
        assertThat(status("/scorecards/E9?period=2026-Q3", "finn")).as("E9 reports to E2 since September").isEqualTo(403);
        assertThat(status("/scorecards/E12?period=2026-Q3", "lou")).isEqualTo(200);
    }

    private int status(String path, String login) throws Exception {
        return mvc.perform(get(path).with(as(login))).andReturn().getResponse().getStatus();
    }

    private Document page(String path, String login) throws Exception {
        var response = mvc.perform(get(path).with(as(login))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private RequestPostProcessor as(String login) {
        return user(logins.loadUserByUsername(login));
    }

    private static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }
}
