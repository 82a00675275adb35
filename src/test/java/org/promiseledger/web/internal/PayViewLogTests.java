package org.promiseledger.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promiseledger.web.identity.PayViews;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The view log: every page that shows someone else's pay (scorecard, PDF statement, the quarters of the trend chart)
 * leaves a row; one's own pay and refused pages leave none; auditors browse it; a person sees who looked at theirs.
 * Each test looks at a person of its own (E8, E6, E9, E3), so the rows it counts are its own.
 */
@WebFunctionalTest
class PayViewLogTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DatabaseUserDetailsService logins;

    @Autowired
    PayViews views;

    @BeforeEach
    void loadQuarters(@Autowired QuarterlyRunner runner, @Autowired RunRegistry registry, @Autowired AppUsers users) {
        SmallCompanyQuarters.ensureLoaded(runner, registry, users);
    }

    @Test
    void logsAManagersLookAtAReportsScorecardAndEveryQuarterOfItsTrendChart() throws Exception {
        assertThat(status("/scorecards/E8?period=2026-Q3", "eve")).isEqualTo(200);

        assertThat(views.of("E8")).extracting(PayViews.View::viewer, PayViews.View::viewerEmployeeId, PayViews.View::period,
                PayViews.View::what).containsExactlyInAnyOrder(
                tuple("eve", "E5", "2026-Q3", PayViews.What.SCORECARD),
                tuple("eve", "E5", "2026-Q2", PayViews.What.CHART_POINT),
                tuple("eve", "E5", "2026-Q1", PayViews.What.CHART_POINT),
                tuple("eve", "E5", "2025-Q4", PayViews.What.CHART_POINT));
    }

    @Test
    void logsAStatementDownloadedByHr() throws Exception {
        assertThat(status("/scorecards/E6/statement.pdf?period=2026-Q2", "hana")).isEqualTo(200);

        assertThat(views.of("E6")).extracting(PayViews.View::viewer, PayViews.View::period, PayViews.View::what)
                .containsExactly(tuple("hana", "2026-Q2", PayViews.What.STATEMENT));
    }

    @Test
    void logsNothingForOnesOwnPayNorForARefusedPage() throws Exception {
        int gusBefore = views.of("E7").size();
        assertThat(status("/scorecards/E7?period=2026-Q3", "gus")).isEqualTo(200);
        assertThat(status("/scorecards/E7/statement.pdf?period=2026-Q3", "gus")).isEqualTo(200);
        assertThat(status("/scorecards/E9?period=2026-Q3", "gus")).isEqualTo(403);

        assertThat(views.of("E7")).hasSize(gusBefore);
        assertThat(views.of("E9")).isEmpty();
    }

    @Test
    void showsAPersonWhoLookedAtTheirPayAndAuditorsTheWholeLog() throws Exception {
        assertThat(status("/scorecards/E3?period=2026-Q3", "olga")).isEqualTo(200);

        Document ana = page("/my-views", "ana");
        assertThat(ana.getElementById("nobody")).isNotNull();
        Document scorecard = page("/scorecards/E10?period=2026-Q3", "ana");
        assertThat(scorecard.getElementById("who-viewed").attr("href")).isEqualTo("/my-views");
        page("/scorecards/E10?period=2026-Q3", "olga");
        Document mine = page("/my-views", "ana");
        assertThat(mine.select("#my-views tbody tr .viewer").eachText()).contains("olga");

        Document log = page("/views?subject=E3", "olga");
        List<String> rows = log.select("#view-log tbody tr").eachText();
        assertThat(rows).isNotEmpty().allMatch(r -> r.contains("olga") && r.contains("E3"));
        assertThat(log.select("#view-log tbody tr .what").eachText()).contains("SCORECARD", "CHART_POINT");
        assertThat(page("/views?viewer=olga&subject=E10&period=2026-Q3", "olga").select("#view-log tbody tr")).hasSize(1);
    }

    private int status(String path, String login) throws Exception {
        return mvc.perform(get(path).with(user(logins.loadUserByUsername(login)))).andReturn().getResponse().getStatus();
    }

    private Document page(String path, String login) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(logins.loadUserByUsername(login)))).andReturn().getResponse()
                .getContentAsString());
    }
}
