package org.promiseledger.web.internal;

import org.promiseledger.web.AppRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.integrity.IntegrityExport;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunOutcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Score integrity on the pages, on a database of its own (the test excludes surveys and runs the quarter again):
 * the small company's 2026-Q3 at min-sample 3, where the answers at T6 (6 of 11) and T7 (3 of 3), both owned by
 * Digital (D3), crowd into the last 14 days: END_OF_QUARTER_BUNCHING at both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "promise-ledger.cli.enabled=false",
        "promise-ledger.min-sample=3",
        "spring.main.web-application-type=servlet",
        "spring.datasource.url=jdbc:h2:mem:integrity-web-${random.uuid};MODE=MySQL;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password="})
@AutoConfigureMockMvc
class IntegrityPagesTests {

    static final Period Q3 = Period.parse("2026-Q3");

    @Autowired
    MockMvc mvc;

    @Autowired
    DatabaseUserDetailsService logins;

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    AppUsers users;

    @Test
    void showsTheSignalsToHrAuditorsAndTheOwningDepartmentOnlyThenAnExclusionOnEveryScorecard(
            @Autowired IntegrityExport export, @TempDir Path dir) throws Exception {
        RunOutcome first = runner.run(Q3, SmallCompanyQuarters.SMALL, Path.of("rules"), "hr.alice");
        assertThat(first.exitCode()).as(String.join("\n", first.messages())).isZero();
        users.save("hr.alice", "pw", AppRole.HR, null);
        users.save("hana", "pw", AppRole.HR, "E11");
        users.save("olga", "pw", AppRole.AUDITOR, null);
        users.save("cleo", "pw", AppRole.EXECUTIVE, "E3");   // EXECUTIVE of D3, which owns T6 and T7
        users.save("ben", "pw", AppRole.EXECUTIVE, "E2");    // EXECUTIVE of D2: other touchpoints
        users.save("ana", "pw", AppRole.ANALYST, "E10");     // STAFF of D3

        Document hr = page("/integrity?period=2026-Q3", "olga");
        assertThat(hr.select("#integrity-signals tbody tr")).extracting(r -> r.attr("data-touchpoint") + " " + r.attr("data-signal"))
                .containsExactly("T6 END_OF_QUARTER_BUNCHING", "T7 END_OF_QUARTER_BUNCHING");
        assertThat(hr.select("#integrity-signals .detail").first().text())
                .isEqualTo("55 % of answers (6 of 11) came in the quarter's last 14 days, against 15 % expected (14 of 92 days);"
                        + " z = 3.63.");
        assertThat(page("/runs", "hana").select(".integrity-summary").text()).isEqualTo("2 integrity signals, 2 open");
        assertThat(status("/integrity", "ana")).isEqualTo(403);
        export.export(Q3, dir.resolve("integrity.csv"));
        assertThat(mvc.perform(get("/runs/2026-Q3/exports/integrity.csv").with(as("olga"))).andReturn().getResponse()
                .getContentAsString()).isEqualTo(Files.readString(dir.resolve("integrity.csv")));

        assertThat(page("/scorecards/E3?period=2026-Q3", "cleo").select("#integrity-signal-list li")).extracting(Element::text)
                .hasSize(2).allMatch(line -> line.contains("END_OF_QUARTER_BUNCHING") && line.contains("(open, under review)"));
        assertThat(page("/scorecards/E10?period=2026-Q3", "ana").select("#integrity-signal-list li")).hasSize(2);
        assertThat(page("/scorecards/E2?period=2026-Q3", "ben").select("#integrity")).isEmpty();

        review("T6", "CLEARED", "hana");
        review("T7", "EXCLUDED", "olga");
        RunOutcome second = runner.run(Q3, SmallCompanyQuarters.SMALL, Path.of("rules"), "hr.alice");
        assertThat(second.exitCode()).as(String.join("\n", second.messages())).isZero();

        for (String[] card : new String[][] {{"E2", "ben"}, {"E3", "cleo"}, {"E10", "ana"}, {"E1", "olga"}}) {
            assertThat(page("/scorecards/" + card[0] + "?period=2026-Q3", card[1]).select("#integrity-exclusions").text())
                    .as(card[0]).contains("the surveys of touchpoint T7 (END_OF_QUARTER_BUNCHING EXCLUDED by olga: bunched by a"
                            + " reminder campaign)");
        }
        assertThat(page("/integrity?period=2026-Q3", "hana").select("#integrity-signals .review-status")).extracting(Element::text)
                .containsExactly("CLEARED by hana: reviewed", "EXCLUDED by olga: bunched by a reminder campaign");
        assertThat(page("/integrity?period=2026-Q3", "hana").select("#exclusions").text()).contains("T7");
    }

    private void review(String touchpoint, String decision, String login) throws Exception {
        Object message = mvc.perform(post("/integrity/2026-Q3/reviews").with(as(login)).with(csrf())
                .param("touchpoint", touchpoint).param("signal", "END_OF_QUARTER_BUNCHING").param("decision", decision)
                .param("reason", decision.equals("CLEARED") ? "reviewed" : "bunched by a reminder campaign"))
                .andReturn().getFlashMap().get("message");
        assertThat(message).as(touchpoint).isNotNull();
    }

    private Document page(String path, String login) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(as(login))).andReturn().getResponse().getContentAsString());
    }

    private int status(String path, String login) throws Exception {
        return mvc.perform(get(path).with(as(login))).andReturn().getResponse().getStatus();
    }

    private RequestPostProcessor as(String login) {
        return user(logins.loadUserByUsername(login));
    }
}
