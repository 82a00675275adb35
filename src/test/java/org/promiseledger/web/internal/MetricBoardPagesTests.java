package org.promiseledger.web.internal;

import org.promiseledger.web.AppRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The metric views' addresses and menus, through the real security configuration (MockMvc). */
@WebFunctionalTest
class MetricBoardPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DatabaseUserDetailsService logins;

    @BeforeEach
    void loadQuarters(@Autowired QuarterlyRunner runner, @Autowired RunRegistry registry, @Autowired AppUsers users) {
        SmallCompanyQuarters.ensureLoaded(runner, registry, users);
        users.save("nina", SmallCompanyQuarters.PASSWORD, AppRole.ANALYST, null);
        users.save("zed", SmallCompanyQuarters.PASSWORD, AppRole.EMPLOYEE, "E99"); // linked to no one paid
        users.save("newbie", SmallCompanyQuarters.PASSWORD, AppRole.EMPLOYEE, null); // not linked yet
    }

    @Test
    void aFilterOrHeatmapScopeOutsideTheFixedListsIsABadRequestThatSaysWhy() throws Exception {
        MockHttpServletResponse status = response("/metrics?period=2026-Q3&status=MAYBE", "nina");
        MockHttpServletResponse heatmap = response("/cx?period=2026-Q3&heatmap=COMPANY", "ben");

        assertThat(status.getStatus()).isEqualTo(400);
        assertThat(status.getContentAsString()).contains("status &#39;MAYBE&#39; is not one of OK, INSUFFICIENT");
        assertThat(heatmap.getStatus()).isEqualTo(400);
        assertThat(heatmap.getContentAsString()).contains("DEPARTMENT or SUBTREE");
    }

    @Test
    void anUnknownDepartmentMatchesNoRowAndTheTableSaysSo() throws Exception {
        Document page = page("/metrics?period=2026-Q3&department=D77", "nina");

        assertThat(page.select("#metrics tbody tr[data-metric]")).isEmpty();
        assertThat(page.getElementById("no-metric-rows").text()).isEqualTo("No metric matches these filters.");
        assertThat(page.getElementById("metric-count").text()).startsWith("0 of ");
    }

    @Test
    void theHeatmapSwitchAndTheFilterFormKeepTheQuarterTheScopeAndTheFilters() throws Exception {
        Document page = page("/metrics?period=2026-Q2&heatmap=SUBTREE&scope=DEPARTMENT&status=OK", "nina");

        assertThat(page.getElementById("heatmap-DEPARTMENT").attr("href"))
                .isEqualTo("/metrics?period=2026-Q2&heatmap=DEPARTMENT&scope=DEPARTMENT&status=OK#heatmap-section");
        assertThat(page.getElementById("heatmap-SUBTREE").attr("aria-current")).isEqualTo("true");
        assertThat(page.getElementById("heatmap-DEPARTMENT").hasAttr("aria-current")).isFalse();
        Element form = page.getElementById("metric-filters");
        assertThat(form.selectFirst("input[name=period]").val()).isEqualTo("2026-Q2");
        assertThat(form.selectFirst("input[name=heatmap]").val()).isEqualTo("SUBTREE");
        assertThat(form.selectFirst("#filter-scope option[selected]").val()).isEqualTo("DEPARTMENT");
        assertThat(form.selectFirst("#filter-status option[selected]").val()).isEqualTo("OK");
        assertThat(page.getElementById("clear-filters").attr("href")).isEqualTo("/metrics?period=2026-Q2&heatmap=SUBTREE#metric-table");
        assertThat(page.select("#metrics tbody tr")).allSatisfy(r -> assertThat(r.attr("data-scope")).isEqualTo("DEPARTMENT"));
    }

    @Test
    void theMenuOffersNoScorecardWithoutAPaidEmployeeAndNoPeopleWithoutReach() throws Exception {
        assertThat(menu("nina")).containsExactly("nav-departments", "nav-cx", "nav-metrics", "nav-rules");
        assertThat(menu("zed")).containsExactly("nav-queries");
        assertThat(menu("gus")).containsExactly("nav-scorecard", "nav-queries");
        assertThat(menu("eve")).containsExactly("nav-scorecard", "nav-people", "nav-queries");
        assertThat(menu("olga")).contains("nav-people").doesNotContain("nav-scorecard");
        // what the menu leaves out still answers when typed: a page that says there is nothing to show
        assertThat(page("/scorecard", "nina").getElementById("not-linked")).isNotNull();
        assertThat(page("/people?period=2026-Q3", "gus").select("#people tbody tr")).hasSize(1);
    }

    @Test
    void anEmployeeLoginNotLinkedYetLandsOnAPageThatSaysSoWithAnEmptyMenu() throws Exception {
        assertThat(response("/", "newbie").getRedirectedUrl()).isEqualTo("/scorecard");
        Document page = page("/scorecard", "newbie");

        assertThat(page.getElementById("not-linked")).isNotNull();
        assertThat(page.select("header.top nav a")).isEmpty();
    }

    /** The menu on a page every login may open. */
    private List<String> menu(String login) throws Exception {
        return page("/queries", login).select("header.top nav a").eachAttr("id");
    }

    private Document page(String path, String login) throws Exception {
        return Jsoup.parse(response(path, login).getContentAsString());
    }

    private MockHttpServletResponse response(String path, String login) throws Exception {
        return mvc.perform(get(path).with(user(logins.loadUserByUsername(login)))).andReturn().getResponse();
    }
}
