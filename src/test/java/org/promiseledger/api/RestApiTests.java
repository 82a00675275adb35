package org.promiseledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunOutcome;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.runs.RunState;
import org.promiseledger.support.Logins;
import org.promiseledger.support.ServedApp;
import org.promiseledger.support.ShiftedInputs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The REST API end to end through the real security chain: every endpoint for every role, token scopes and
 * revocation, every use recorded, problem details for bad input, and the authorisation matrix of the pages
 * (an executive's token reads only their reach). Quarters of its own: 2027-Q1 calculated by hr.alice through the
 * runner, 2027-Q2 uploaded and launched through the API.
 */
@ServedApp
class RestApiTests {

    static final Period Q = Period.parse("2027-Q1");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    RunRegistry registry;

    @Autowired
    ObjectMapper json;

    long runId;

    @BeforeEach
    void quarterAndLogins(@Autowired QuarterlyRunner runner) {
        Logins.ensure(jdbc, "hr.alice", "HR", null);
        Logins.ensure(jdbc, "hana", "HR", "E11");
        Logins.ensure(jdbc, "ben", "EXECUTIVE", "E2");
        Logins.ensure(jdbc, "eve", "EMPLOYEE", "E5");
        Logins.ensure(jdbc, "gus", "EMPLOYEE", "E7");
        Logins.ensure(jdbc, "olga", "AUDITOR", null);
        Logins.ensure(jdbc, "ana", "ANALYST", "E10");
        if (registry.latestCalculated(Q).isEmpty()) {
            RunOutcome outcome = runner.run(Q, ShiftedInputs.small(6), Path.of("rules"), "hr.alice");
            assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        }
        runId = registry.latestCalculated(Q).orElseThrow().runId();
    }

    @Test
    void withoutATokenEveryEndpointAnswers401AsAProblem() throws Exception {
        for (String path : List.of("/api/v1/runs", "/api/v1/payouts?period=2027-Q1", "/api/v1/metrics?period=2027-Q1",
                "/api/v1/integrity?period=2027-Q1")) {
            MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
            assertThat(body(response).get("title").asText()).isEqualTo("Unauthorized");
        }
        assertThat(mvc.perform(post("/api/v1/approvals").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andReturn().getResponse().getStatus()).as("no CSRF needed, a token is").isEqualTo(401);
    }

    @Test
    void aRevokedOrUnknownTokenIsRefusedAndEveryUseIsRecorded() throws Exception {
        String token = tokens.create("olga", TokenScope.READ, "audit scripts", "hana").value();
        long id = tokens.list().stream().filter(t -> "audit scripts".equals(t.label())).reduce((a, b) -> b).orElseThrow().id();
        assertThat(jdbc.queryForObject("SELECT token_hash FROM api_token WHERE id = ?", String.class, id))
                .as("only the SHA-256 is stored").hasSize(64).isNotEqualTo(token).doesNotContain(token.substring(4, 20));

        assertThat(status(get("/api/v1/runs"), token)).isEqualTo(200);
        assertThat(status(get("/api/v1/payouts?period=2027-Q1"), token)).isEqualTo(200);
        List<Map<String, Object>> uses = jdbc.queryForList("SELECT method, path, status FROM api_token_use WHERE token_id = ?"
                + " ORDER BY id", id);
        assertThat(uses).extracting(u -> u.get("METHOD") + " " + u.get("PATH") + " " + u.get("STATUS"))
                .containsExactly("GET /api/v1/runs 200", "GET /api/v1/payouts?period=2027-Q1 200");

        assertThat(tokens.revoke(id, "hana")).isTrue();
        MockHttpServletResponse refused = mvc.perform(get("/api/v1/runs").header("Authorization", "Bearer " + token))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(body(refused).get("detail").asText()).contains("revoked");
        assertThat(status(get("/api/v1/runs"), "plt_not-a-token")).isEqualTo(401);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE details LIKE ?", String.class, "API token " + id + "%"))
                .containsExactly("TOKEN_CREATED", "TOKEN_REVOKED");
    }

    @Test
    void runsStateAndProgressAreForHrAndAuditors() throws Exception {
        for (String login : List.of("hana", "olga")) {
            JsonNode runs = read(get("/api/v1/runs?period=2027-Q1"), token(login, TokenScope.READ));
            assertThat(runs.get(0).get("runId").asLong()).isEqualTo(runId);
            assertThat(runs.get(0).get("state").asText()).isEqualTo("CALCULATED");
            JsonNode run = read(get("/api/v1/runs/" + runId), token(login, TokenScope.READ));
            assertThat(run.get("history")).extracting(h -> h.get("state").asText()).containsExactly("STARTED", "CALCULATED");
            JsonNode progress = read(get("/api/v1/runs/" + runId + "/progress"), token(login, TokenScope.READ));
            assertThat(progress.get("ended").asBoolean()).isTrue();
            assertThat(progress.get("steps")).hasSize(14).allSatisfy(s -> assertThat(s.get("status").asText()).isEqualTo("COMPLETED"));
            long read = jdbc.queryForObject("SELECT SUM(rows_read) FROM input_file_count WHERE run_id = ?", Long.class, runId);
            assertThat(progress.get("rowsRead").asLong()).as("rows read, counted per row by the ingest steps").isEqualTo(read);
            JsonNode integrity = read(get("/api/v1/integrity?period=2027-Q1"), token(login, TokenScope.READ));
            assertThat(integrity.get("runId").asLong()).isEqualTo(runId);
        }
        for (String login : List.of("ana", "ben", "gus")) {
            assertThat(status(get("/api/v1/runs"), token(login, TokenScope.READ))).isEqualTo(403);
            assertThat(status(get("/api/v1/runs/" + runId + "/progress"), token(login, TokenScope.READ))).isEqualTo(403);
            assertThat(status(get("/api/v1/rejects?period=2027-Q1"), token(login, TokenScope.READ))).isEqualTo(403);
            assertThat(status(get("/api/v1/adjustments"), token(login, TokenScope.READ))).isEqualTo(403);
            assertThat(status(get("/api/v1/approvals"), token(login, TokenScope.READ))).isEqualTo(403);
            assertThat(status(get("/api/v1/integrity?period=2027-Q1"), token(login, TokenScope.READ))).isEqualTo(403);
            assertThat(status(post("/api/v1/integrity/reviews").contentType(MediaType.APPLICATION_JSON)
                    .content(review("2027-Q1", "T6", "END_OF_QUARTER_BUNCHING", "CLEARED", "x")), token(login, TokenScope.OPERATE)))
                    .as("integrity reviews are for HR and auditors").isEqualTo(403);
        }
        MockHttpServletResponse missing = mvc.perform(get("/api/v1/runs/999999")
                .header("Authorization", "Bearer " + token("hana", TokenScope.READ))).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(body(missing).get("detail").asText()).isEqualTo("there is no run 999999");
    }

    @Test
    void metricsAreForHrAuditorsAndAnalystsButNotForPeoplesLogins() throws Exception {
        int stored = jdbc.queryForObject("SELECT COUNT(*) FROM department_metrics WHERE run_id = ?", Integer.class, runId);
        for (String login : List.of("hana", "olga", "ana")) {
            JsonNode metrics = read(get("/api/v1/metrics?period=2027-Q1"), token(login, TokenScope.READ));
            assertThat(metrics).hasSize(stored);
            assertThat(metrics.get(0).get("scope").asText()).isEqualTo("COMPANY");
        }
        JsonNode page = read(get("/api/v1/metrics?period=2027-Q1&page=1&size=10"), token("ana", TokenScope.READ));
        assertThat(page.get("content")).hasSize(10);
        assertThat(page.get("totalElements").asInt()).isEqualTo(stored);
        assertThat(status(get("/api/v1/metrics?period=2027-Q1"), token("ben", TokenScope.READ))).isEqualTo(403);
        assertThat(status(get("/api/v1/metrics?period=2027-Q1"), token("gus", TokenScope.READ))).isEqualTo(403);
    }

    @Test
    void theBookedDecisionsFollowWhoSeesWhosePay() throws Exception {
        List<JsonNode> eves = stream(read(get("/api/v1/decisions?period=2027-Q1"), token("eve", TokenScope.READ)));

        assertThat(eves).extracting(d -> d.get("employeeId").asText()).containsOnly("E5", "E7", "E8");
        assertThat(eves).filteredOn(d -> d.get("kind").asText().equals("CUSTOMER_GATE")).hasSize(3)
                .allSatisfy(d -> assertThat(d.get("ruleName").asText()).isNotEmpty());
        String booked = jdbc.queryForObject("SELECT outcome FROM payout_decision WHERE run_id = ? AND employee_id = 'E5'"
                + " AND kind = 'CUSTOMER_GATE'", String.class, runId);
        assertThat(eves).filteredOn(d -> d.get("employeeId").asText().equals("E5") && d.get("kind").asText().equals("CUSTOMER_GATE"))
                .singleElement().satisfies(d -> assertThat(d.get("outcome").asText()).isEqualTo(booked));
    }

    @Test
    void payoutsFollowWhoSeesWhosePay() throws Exception {
        Set<String> everyone = new TreeSet<>(jdbc.queryForList("SELECT employee_id FROM payout WHERE run_id = ?", String.class, runId));
        Set<String> benReach = new TreeSet<>(jdbc.queryForList("SELECT employee_id FROM in_employee WHERE run_id = ?"
                + " AND department_id IN ('D2', 'D10')", String.class, runId));
        assertThat(benReach).contains("E2", "E5", "E7", "E8").doesNotContain("E1");
        assertThat(payees("hana")).isEqualTo(everyone);
        assertThat(payees("olga")).isEqualTo(everyone);
        assertThat(payees("ben")).as("an executive: their department's subtree").isEqualTo(benReach);
        assertThat(payees("eve")).as("a manager: self and reports").containsExactly("E5", "E7", "E8");
        assertThat(payees("gus")).as("staff: self").containsExactly("E7");
        assertThat(payees("ana")).as("an analyst: their own pay only").containsExactly("E10");

        JsonNode e2 = stream(read(get("/api/v1/payouts?period=2027-Q1"), token("ben", TokenScope.READ)))
                .stream().filter(p -> p.get("employeeId").asText().equals("E2")).findFirst().orElseThrow();
        BigDecimal amount = jdbc.queryForObject("SELECT amount FROM payout WHERE run_id = ? AND employee_id = 'E2'",
                BigDecimal.class, runId);
        assertThat(e2.get("amount").decimalValue()).isEqualByComparingTo(amount);
        assertThat(e2.get("ruleSetVersion").asText()).hasSize(12);
        assertThat(e2.get("runId").asLong()).isEqualTo(runId);

        JsonNode page = read(get("/api/v1/payouts?period=2027-Q1&page=2&size=5"), token("hana", TokenScope.READ));
        assertThat(page.get("page").asInt()).isEqualTo(2);
        assertThat(page.get("totalElements").asInt()).isEqualTo(everyone.size());
        assertThat(page.get("totalPages").asInt()).isEqualTo((everyone.size() + 4) / 5);
        assertThat(page.get("content")).hasSize(everyone.size() - 10);
    }

    @Test
    void badInputIsAnsweredAsProblemDetails() throws Exception {
        String hr = token("hana", TokenScope.OPERATE);
        assertProblem(get("/api/v1/payouts?period=2027-13"), hr, 400, "'2027-13' is not a period");
        assertProblem(get("/api/v1/payouts"), hr, 400, "period");
        assertProblem(get("/api/v1/payouts?period=2030-Q1"), hr, 404, "no calculated run of 2030-Q1");
        assertProblem(get("/api/v1/payouts?period=2027-Q1&size=0"), hr, 400, "size must be 1..1000");
        assertProblem(get("/api/v1/rejects?period=2027-Q1&reason=BOGUS"), hr, 400, "reason 'BOGUS' is not one of");
        assertProblem(get("/api/v1/runs/abc"), hr, 400, "'abc' is not a valid runId");
        assertProblem(post("/api/v1/approvals").contentType(MediaType.APPLICATION_JSON).content("{not json"), hr, 400, "");
        assertProblem(post("/api/v1/adjustments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"period\":\"2027-Q1\",\"employeeId\":\"E7\",\"amount\":\"ten\",\"reason\":\"x\"}"), hr, 400,
                "amount 'ten' is not a decimal number");
        assertProblem(get("/api/v1/nowhere"), hr, 404, "there is no GET /api/v1/nowhere");
    }

    @Test
    void rejectsOfThePeriodsLatestRunFilteredAndPaged() throws Exception {
        String olga = token("olga", TokenScope.READ);
        JsonNode all = read(get("/api/v1/rejects?period=2027-Q1"), olga);
        assertThat(all).extracting(r -> r.get("fileName").asText() + ":" + r.get("line").asLong() + ":" + r.get("reason").asText())
                .containsExactly("contacts.csv:22:OUT_OF_PERIOD", "contacts.csv:23:OUT_OF_PERIOD", "surveys.csv:69:OUT_OF_PERIOD",
                        "surveys.csv:70:OUT_OF_PERIOD");
        assertThat(read(get("/api/v1/rejects?period=2027-Q1&file=surveys.csv"), olga)).hasSize(2);
        assertThat(read(get("/api/v1/rejects?runId=" + runId + "&reason=DUPLICATE_ID"), olga)).isEmpty();
        JsonNode page = read(get("/api/v1/rejects?period=2027-Q1&page=1&size=3"), olga);
        assertThat(page.get("content")).hasSize(1);
        assertThat(page.get("totalElements").asInt()).isEqualTo(4);
    }

    @Test
    void writesNeedAnOperateTokenOfAnHrLoginAndApprovalKeepsFourEyes() throws Exception {
        Period period = Period.parse("2027-Q3");
        runWithRunner(period, 12);
        String approve = "{\"period\":\"2027-Q3\"}";
        assertThat(status(post("/api/v1/approvals").contentType(MediaType.APPLICATION_JSON).content(approve),
                token("hana", TokenScope.READ))).as("read scope").isEqualTo(403);
        assertThat(status(post("/api/v1/approvals").contentType(MediaType.APPLICATION_JSON).content(approve),
                token("ben", TokenScope.OPERATE))).as("not HR").isEqualTo(403);
        assertThat(status(post("/api/v1/approvals").contentType(MediaType.APPLICATION_JSON).content(approve),
                token("olga", TokenScope.OPERATE))).as("auditors are read-only").isEqualTo(403);
        assertProblem(post("/api/v1/approvals").contentType(MediaType.APPLICATION_JSON).content(approve),
                token("hr.alice", TokenScope.OPERATE), 409, "four eyes");
        assertProblem(post("/api/v1/approvals").contentType(MediaType.APPLICATION_JSON).content(approve),
                token("hana", TokenScope.OPERATE), 409, "integrity signals are open");
        // the small company's answers bunch at the end of the quarter (min-sample 3): an auditor reviews each signal
        JsonNode open = read(get("/api/v1/integrity?period=2027-Q3"), token("olga", TokenScope.READ)).get("signals");
        assertThat(open).isNotEmpty();
        for (JsonNode signal : open) {
            String review = review("2027-Q3", signal.get("touchpointId").asText(), signal.get("signal").asText(), "CLEARED",
                    "survey invitations go out in a monthly batch");
            assertThat(status(post("/api/v1/integrity/reviews").contentType(MediaType.APPLICATION_JSON).content(review),
                    token("olga", TokenScope.READ))).as("a review is a write: read scope").isEqualTo(403);
            assertThat(read(post("/api/v1/integrity/reviews").contentType(MediaType.APPLICATION_JSON).content(review),
                    token("olga", TokenScope.OPERATE)).get("message").asText()).contains("marked CLEARED by olga");
        }

        JsonNode done = read(post("/api/v1/approvals").contentType(MediaType.APPLICATION_JSON).content(approve),
                token("hana", TokenScope.OPERATE));
        assertThat(done.get("message").asText()).contains("approved by hana");
        JsonNode approvals = read(get("/api/v1/approvals"), token("olga", TokenScope.READ));
        JsonNode q = stream(approvals).stream().filter(a -> a.get("period").asText().equals("2027-Q3")).findFirst().orElseThrow();
        assertThat(q.get("approvedBy").asText()).isEqualTo("hana");
        assertThat(q.get("launchedBy").asText()).isEqualTo("hr.alice");

        String operate = token("hana", TokenScope.OPERATE);
        MockHttpServletResponse booked = mvc.perform(post("/api/v1/adjustments").header("Authorization", "Bearer " + operate)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"period\":\"2027-Q3\",\"employeeId\":\"E7\",\"amount\":\"-120.50\",\"reason\":\"sale reversed\"}"))
                .andReturn().getResponse();
        assertThat(booked.getStatus()).isEqualTo(201);
        assertThat(body(booked).get("message").asText()).startsWith("Booked clawback -120.50 for E7");
        assertProblem(post("/api/v1/adjustments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"period\":\"2027-Q3\",\"employeeId\":\"E7\",\"amount\":\"5\",\"reason\":\"\"}"), operate, 409, "reason");
        JsonNode adjustments = read(get("/api/v1/adjustments?period=2027-Q3"), token("olga", TokenScope.READ));
        assertThat(adjustments).hasSize(1);
        assertThat(adjustments.get(0).get("reason").asText()).isEqualTo("sale reversed");
        assertThat(adjustments.get(0).get("bookedBy").asText()).isEqualTo("hana");

        long approvedRun = registry.latestCalculated(period).orElseThrow().runId();
        MockHttpServletResponse csv = mvc.perform(post("/api/v1/payroll-exports?period=2027-Q3")
                .header("Authorization", "Bearer " + operate).accept("text/csv")).andReturn().getResponse();
        assertThat(csv.getStatus()).isEqualTo(200);
        List<String> lines = csv.getContentAsString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("period,employee_id,net_amount,currency,run_id,rule_set_version");
        BigDecimal e7 = jdbc.queryForObject("SELECT amount FROM payout WHERE run_id = ? AND employee_id = 'E7'", BigDecimal.class,
                approvedRun);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("2027-Q3,E7," + e7.add(new BigDecimal("-120.50")).toPlainString()
                + ",EUR," + approvedRun + ","));
        assertThat(registry.find(approvedRun).orElseThrow().state()).isEqualTo(RunState.EXPORTED);
        JsonNode rows = read(post("/api/v1/payroll-exports?period=2027-Q3").accept(MediaType.APPLICATION_JSON), operate);
        assertThat(rows).hasSize(lines.size() - 1);
        assertThat(stream(rows).stream().filter(r -> r.get("employeeId").asText().equals("E7")).findFirst().orElseThrow()
                .get("netAmount").decimalValue()).isEqualByComparingTo(e7.add(new BigDecimal("-120.50")));
        assertProblem(post("/api/v1/payroll-exports?period=2030-Q1").accept(MediaType.APPLICATION_JSON), operate, 409,
                "has no approved run");
    }

    @Test
    void aPeriodIsUploadedCheckedLaunchedAndFollowedThroughTheApi() throws Exception {
        String operate = token("hana", TokenScope.OPERATE);
        Path inputs = ShiftedInputs.small(9);
        MockMultipartHttpServletRequestBuilderHolder upload = new MockMultipartHttpServletRequestBuilderHolder();
        try (var files = Files.list(inputs)) {
            for (Path f : files.toList()) {
                upload.builder.file(new MockMultipartFile("files", f.getFileName().toString(), "text/csv", Files.readAllBytes(f)));
            }
        }
        MockHttpServletResponse created = mvc.perform(upload.builder.header("Authorization", "Bearer " + operate)).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        JsonNode stored = body(created);
        String uploadId = stored.get("uploadId").asText();
        Map<String, Object> kept = jdbc.queryForMap("SELECT data_dir, input_fingerprint FROM input_upload WHERE upload_id = ?", uploadId);
        assertThat(Path.of((String) kept.get("DATA_DIR"))).startsWith(Path.of("target/served-app-data/uploads").toAbsolutePath());
        assertThat(new org.promiseledger.ingest.InputFolder(Path.of((String) kept.get("DATA_DIR"))).fingerprint())
                .isEqualTo(kept.get("INPUT_FINGERPRINT")).isEqualTo(new org.promiseledger.ingest.InputFolder(inputs).fingerprint());

        JsonNode check = read(post("/api/v1/uploads/" + uploadId + "/check?period=2027-Q2"), operate);
        assertThat(check.get("refused").asBoolean()).isFalse();
        assertThat(check.get("rejectCount").asInt()).isEqualTo(4);
        assertThat(check.get("rejects")).extracting(r -> r.get("reason").asText()).containsOnly("OUT_OF_PERIOD");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM in_survey WHERE run_id < 0", Integer.class))
                .as("the dry check leaves nothing staged").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM input_reject WHERE run_id < 0", Integer.class)).isZero();
        assertThat(registry.runsOf(Period.parse("2027-Q2"))).as("nor any run").isEmpty();

        MockHttpServletResponse launched = mvc.perform(post("/api/v1/runs").header("Authorization", "Bearer " + operate)
                .contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"2027-Q2\",\"uploadId\":\"" + uploadId + "\"}"))
                .andReturn().getResponse();
        assertThat(launched.getStatus()).as(launched.getContentAsString()).isEqualTo(202);
        long launchedRun = body(launched).get("runId").asLong();
        assertThat(launched.getHeader("Location")).isEqualTo("/api/v1/runs/" + launchedRun);
        JsonNode progress = null;
        for (int i = 0; i < 120; i++) {
            progress = read(get("/api/v1/runs/" + launchedRun + "/progress"), operate);
            if (progress.get("ended").asBoolean()) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(progress.get("state").asText()).isEqualTo("CALCULATED");
        var run = registry.find(launchedRun).orElseThrow();
        assertThat(run.launchedBy()).isEqualTo("hana");
        assertThat(run.dataDir()).isEqualTo(kept.get("DATA_DIR"));
        assertThat(run.inputFingerprint()).isEqualTo(kept.get("INPUT_FINGERPRINT"));

        assertProblem(post("/api/v1/runs/" + launchedRun + "/restart"), operate, 409, "only a FAILED run");

        // the launcher records a run's figures just after the run's last state change: wait for them
        String prometheus = "";
        for (int i = 0; i < 40 && !prometheus.contains("promise_ledger_payouts_booked_total"); i++) {
            Thread.sleep(250);
            prometheus = mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + token("olga", TokenScope.READ)))
                    .andReturn().getResponse().getContentAsString();
        }
        assertThat(prometheus).contains("promise_ledger_rows_read_total{file=\"surveys.csv\"}")
                .contains("promise_ledger_rows_rejected_total{file=\"surveys.csv\"}")
                .contains("promise_ledger_payouts_booked_total")
                .contains("promise_ledger_run_step_duration_seconds_count{step=\"scoreEmployeesStep\"}");
    }

    @Test
    void uploadsWithAWrongUnknownMissingOrTooLargeFileAreRefusedInWords() throws Exception {
        String operate = token("hana", TokenScope.OPERATE);
        MockHttpServletResponse unknown = mvc.perform(multipart("/api/v1/uploads")
                .file(new MockMultipartFile("files", "payroll.xlsx", "application/octet-stream", new byte[] {1, 2}))
                .header("Authorization", "Bearer " + operate)).andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(400);
        assertThat(body(unknown).get("detail").asText()).startsWith("payroll.xlsx is not one of the eleven input files (departments.csv");
        MockHttpServletResponse missing = mvc.perform(multipart("/api/v1/uploads")
                .file(new MockMultipartFile("files", "surveys.csv", "text/csv", Files.readAllBytes(ShiftedInputs.SMALL.resolve("surveys.csv"))))
                .header("Authorization", "Bearer " + operate)).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(body(missing).get("detail").asText()).startsWith("missing: departments.csv, employees.csv");
        MockHttpServletResponse large = mvc.perform(multipart("/api/v1/uploads")
                .file(new MockMultipartFile("files", "surveys.csv", "text/csv", new byte[1024 * 1024 + 1]))
                .header("Authorization", "Bearer " + operate)).andReturn().getResponse();
        assertThat(large.getStatus()).isEqualTo(413);
        assertThat(body(large).get("detail").asText()).contains("limit of 1 MB");
        assertThat(status(multipart("/api/v1/uploads").file(new MockMultipartFile("files", "x.csv", "text/csv", new byte[1])),
                token("hana", TokenScope.READ))).isEqualTo(403);
    }

    @Test
    void theCheckSaysWhenTheRunWouldBeRefusedAndWhy() throws Exception {
        Path inputs = ShiftedInputs.small(15);
        Path departments = inputs.resolve("departments.csv");
        Files.writeString(departments, Files.readString(departments) + "D99,Ghost,NOPE\n");
        String operate = token("hana", TokenScope.OPERATE);
        var builder = multipart("/api/v1/uploads");
        try (var files = Files.list(inputs)) {
            for (Path f : files.toList()) {
                builder.file(new MockMultipartFile("files", f.getFileName().toString(), "text/csv", Files.readAllBytes(f)));
            }
        }
        String uploadId = body(mvc.perform(builder.header("Authorization", "Bearer " + operate)).andReturn().getResponse())
                .get("uploadId").asText();
        JsonNode check = read(post("/api/v1/uploads/" + uploadId + "/check?period=2027-Q4"), operate);
        assertThat(check.get("refused").asBoolean()).isTrue();
        assertThat(check.get("problems").get(0).asText())
                .isEqualTo("departments.csv: 1 rejected row(s); a reference file must be clean"
                        + " — line 7, column parent_id: UNKNOWN_REFERENCE 'NOPE' (not in departments.csv)");
        assertThat(check.get("rejects")).anySatisfy(r -> {
            assertThat(r.get("fileName").asText()).isEqualTo("departments.csv");
            assertThat(r.get("line").asLong()).isEqualTo(7);
            assertThat(r.get("reason").asText()).isEqualTo("UNKNOWN_REFERENCE");
        });
        JsonNode launched = read(post("/api/v1/runs").contentType(MediaType.APPLICATION_JSON)
                .content("{\"period\":\"2027-Q4\",\"uploadId\":\"" + uploadId + "\"}"), operate);
        JsonNode progress = null;
        for (int i = 0; i < 120; i++) {
            progress = read(get("/api/v1/runs/" + launched.get("runId").asLong() + "/progress"), operate);
            if (progress.get("ended").asBoolean()) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(progress.get("state").asText()).as("the run itself refuses the same way").isEqualTo("REFUSED");
        assertThat(progress.get("note").asText()).isEqualTo("departments.csv: 1 rejected row(s); a reference file must be clean"
                        + " — line 7, column parent_id: UNKNOWN_REFERENCE 'NOPE' (not in departments.csv)");
    }

    @Test
    void healthIsPublicInfoAndMetricsNeedHrOrAnAuditor() throws Exception {
        JsonNode health = body(mvc.perform(get("/actuator/health")).andReturn().getResponse());
        assertThat(health.get("status").asText()).as(health.toString()).isEqualTo("UP");
        assertThat(health.get("components").has("db")).isTrue();
        assertThat(health.get("components").has("diskSpace")).isTrue();
        assertThat(mvc.perform(get("/actuator/info")).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(status(get("/actuator/info"), token("ana", TokenScope.READ))).isEqualTo(403);
        JsonNode info = read(get("/actuator/info"), token("olga", TokenScope.READ));
        assertThat(info.get("build").get("version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(info.get("ruleSet").get("version").asText()).hasSize(12)
                .isEqualTo(new org.promiseledger.rules.RuleSetFolder(Path.of("rules")).version().substring(0, 12));
        assertThat(status(get("/actuator/prometheus"), token("hana", TokenScope.READ))).isEqualTo(200);
    }

    @Test
    void anOpenIntegritySignalRefusesApprovalUntilReviewedThroughTheApiByAnotherLogin() throws Exception {
        Period period = Period.parse("2029-Q3");
        runWithRunner(period, 36);
        long run = registry.latestCalculated(period).orElseThrow().runId();
        String hana = token("hana", TokenScope.OPERATE);
        String approve = "{\"period\":\"2029-Q3\"}";

        JsonNode before = read(get("/api/v1/integrity?period=2029-Q3"), token("olga", TokenScope.READ));
        assertThat(before.get("runId").asLong()).isEqualTo(run);
        assertThat(before.get("launchedBy").asText()).isEqualTo("hr.alice");
        assertThat(before.get("reviewable").asBoolean()).isTrue();
        assertThat(before.get("open").asInt()).isEqualTo(2);
        assertThat(before.get("signals")).extracting(s -> s.get("touchpointId").asText() + " " + s.get("signal").asText() + " "
                + s.get("status").asText()).containsExactly("T6 END_OF_QUARTER_BUNCHING OPEN", "T7 END_OF_QUARTER_BUNCHING OPEN");
        JsonNode t6 = before.get("signals").get(0);
        long stored = jdbc.queryForObject("SELECT sample_size FROM integrity_signal WHERE run_id = ? AND touchpoint_id = 'T6'",
                Long.class, run);
        assertThat(t6.get("sampleSize").asLong()).as("the stored finding, not a recount").isEqualTo(stored);
        assertThat(t6.get("statistic").decimalValue()).isPositive();
        assertThat(t6.get("detail").asText()).isNotBlank();
        assertThat(t6.get("review").isNull()).isTrue();

        MockHttpServletResponse refused = mvc.perform(post("/api/v1/approvals").header("Authorization", "Bearer " + hana)
                .contentType(MediaType.APPLICATION_JSON).content(approve)).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(body(refused).get("title").asText()).isEqualTo("Approval refused");
        assertThat(body(refused).get("problems").get(0).asText()).startsWith("2 integrity signals are open in run " + run)
                .contains("T6 END_OF_QUARTER_BUNCHING").contains("T7 END_OF_QUARTER_BUNCHING");

        String t6Review = review("2029-Q3", "T6", "END_OF_QUARTER_BUNCHING", "CLEARED", "invitations go out in a monthly batch");
        assertProblem(post("/api/v1/integrity/reviews").contentType(MediaType.APPLICATION_JSON).content(t6Review),
                token("hr.alice", TokenScope.OPERATE), 409, "four eyes: hr.alice launched run " + run);
        assertProblem(post("/api/v1/integrity/reviews").contentType(MediaType.APPLICATION_JSON)
                .content(review("2029-Q3", "T6", "END_OF_QUARTER_BUNCHING", "CLEARED", " ")), hana, 409, "needs a reason");
        assertProblem(post("/api/v1/integrity/reviews").contentType(MediaType.APPLICATION_JSON)
                .content(review("2029-Q3", "T1", "TOP_BOX_SURGE", "CLEARED", "x")), hana, 409, "has no TOP_BOX_SURGE signal at touchpoint T1");
        assertProblem(post("/api/v1/integrity/reviews").contentType(MediaType.APPLICATION_JSON)
                .content(review("2029-Q3", "T6", "BUNCHING", "CLEARED", "x")), hana, 400, "signal 'BUNCHING' is not one of [TOP_BOX_SURGE");
        assertProblem(post("/api/v1/integrity/reviews").contentType(MediaType.APPLICATION_JSON)
                .content(review("2029-Q3", "T6", "END_OF_QUARTER_BUNCHING", "FINE", "x")), hana, 400,
                "decision 'FINE' is not one of [CLEARED, EXCLUDED]");
        assertProblem(post("/api/v1/integrity/reviews").contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"2029-Q3\"}"),
                hana, 400, "give period, touchpoint, signal, decision and reason");

        MockHttpServletResponse created = mvc.perform(post("/api/v1/integrity/reviews").header("Authorization", "Bearer " + hana)
                .contentType(MediaType.APPLICATION_JSON).content(t6Review)).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/integrity?period=2029-Q3");
        assertThat(body(created).get("message").asText()).contains("END_OF_QUARTER_BUNCHING at T6 in 2029-Q3")
                .contains("marked CLEARED by hana");
        assertProblem(post("/api/v1/approvals").contentType(MediaType.APPLICATION_JSON).content(approve), hana, 409,
                "1 integrity signal is open in run " + run + " (T7 END_OF_QUARTER_BUNCHING)");

        read(post("/api/v1/integrity/reviews").contentType(MediaType.APPLICATION_JSON)
                .content(review("2029-Q3", "T7", "END_OF_QUARTER_BUNCHING", "CLEARED", "same batch")), token("olga", TokenScope.OPERATE));
        JsonNode after = read(get("/api/v1/integrity?period=2029-Q3"), token("hana", TokenScope.READ));
        assertThat(after.get("open").asInt()).isZero();
        assertThat(after.get("signals")).extracting(s -> s.get("touchpointId").asText() + " " + s.get("status").asText() + " "
                + s.get("review").get("reviewedBy").asText()).containsExactly("T6 CLEARED hana", "T7 CLEARED olga");
        assertThat(after.get("reviews")).extracting(r -> r.get("reason").asText())
                .containsExactly("invitations go out in a monthly batch", "same batch");
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE period = '2029-Q3' AND action LIKE 'INTEGRITY_REVIEW%'"
                + " ORDER BY id", String.class)).as("refusals and reviews are audited")
                .containsExactly("INTEGRITY_REVIEW_REFUSED", "INTEGRITY_REVIEW_REFUSED", "INTEGRITY_REVIEW_REFUSED",
                        "INTEGRITY_REVIEW", "INTEGRITY_REVIEW");

        assertThat(read(post("/api/v1/approvals").contentType(MediaType.APPLICATION_JSON).content(approve), hana)
                .get("message").asText()).contains("approved by hana");
        assertThat(registry.find(run).orElseThrow().state()).isEqualTo(RunState.APPROVED);
        assertProblem(post("/api/v1/integrity/reviews").contentType(MediaType.APPLICATION_JSON).content(t6Review), hana, 409,
                "only a calculated run's signals can be reviewed");
    }

    // --- helpers

    private static String review(String period, String touchpoint, String signal, String decision, String reason) {
        return "{\"period\":\"" + period + "\",\"touchpoint\":\"" + touchpoint + "\",\"signal\":\"" + signal
                + "\",\"decision\":\"" + decision + "\",\"reason\":\"" + reason + "\"}";
    }

    private static final class MockMultipartHttpServletRequestBuilderHolder {
        final org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder builder = multipart("/api/v1/uploads");
    }

    private void runWithRunner(Period period, int months) {
        if (registry.latestCalculated(period).isEmpty()) {
            QuarterlyRunner runner = org.springframework.test.util.AopTestUtils.getTargetObject(runnerBean);
            RunOutcome outcome = runner.run(period, ShiftedInputs.small(months), Path.of("rules"), "hr.alice");
            assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        }
    }

    @Autowired
    QuarterlyRunner runnerBean;

    private final java.util.Map<String, String> tokenCache = new java.util.HashMap<>();

    private String token(String login, TokenScope scope) {
        return tokenCache.computeIfAbsent(login + "/" + scope, k -> tokens.create(login, scope, "tests", "hana").value());
    }

    private Set<String> payees(String login) throws Exception {
        return stream(read(get("/api/v1/payouts?period=2027-Q1"), token(login, TokenScope.READ))).stream()
                .map(p -> p.get("employeeId").asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    private int status(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse().getStatus();
    }

    private JsonNode read(MockHttpServletRequestBuilder request, String token) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 299);
        return body(response);
    }

    private void assertProblem(MockHttpServletRequestBuilder request, String token, int status, String detail) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.has("title")).isTrue();
        assertThat(problem.get("detail").asText()).contains(detail);
    }

    private JsonNode body(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsByteArray());
    }

    private static List<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
