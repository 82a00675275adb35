package org.promiseledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.promiseledger.support.ServedApp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The OpenAPI description the application serves lists every endpoint of the REST API that Spring MVC maps, with
 * its method — a new endpoint cannot be added without the description showing it — and it is public.
 */
@ServedApp
class OpenApiDescriptionTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ObjectMapper json;

    @Test
    void theDescriptionListsEveryApiEndpointWithItsMethod() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/v3/api-docs")).andReturn().getResponse();
        assertThat(response.getStatus()).as("public, no token").isEqualTo(200);
        JsonNode doc = json.readTree(response.getContentAsByteArray());
        assertThat(doc.get("openapi").asText()).startsWith("3.");

        Set<String> described = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (AnnotatedElementUtils.hasAnnotation(method.getBeanType(), Hidden.class)) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                        mapped.add(verb.name() + " " + pattern);
                    }
                }
            }
        });

        assertThat(mapped).contains("GET /api/v1/runs", "POST /api/v1/runs", "GET /api/v1/runs/{runId}",
                "GET /api/v1/runs/{runId}/progress", "POST /api/v1/runs/{runId}/restart", "POST /api/v1/uploads",
                "POST /api/v1/uploads/{uploadId}/check", "GET /api/v1/metrics", "GET /api/v1/payouts", "GET /api/v1/rejects",
                "GET /api/v1/approvals", "POST /api/v1/approvals", "GET /api/v1/adjustments", "POST /api/v1/adjustments",
                "POST /api/v1/payroll-exports", "GET /api/v1/integrity", "POST /api/v1/integrity/reviews");
        assertThat(described).containsAll(mapped);
        assertThat(described).allSatisfy(d -> assertThat(d).contains(" /api/v1/"));
        assertThat(doc.get("paths").get("/api/v1/payouts").get("get").get("parameters").toString())
                .contains("\"period\"").contains("\"page\"").contains("\"size\"");
        assertThat(doc.get("paths").get("/api/v1/integrity").get("get").get("parameters").toString()).contains("\"period\"");
        assertThat(doc.at("/components/schemas/ReviewRequest/properties").toString()).contains("\"touchpoint\"")
                .contains("\"signal\"").contains("\"decision\"").contains("\"reason\"");
    }

    @Test
    void theDescriptionSaysHowToSignIn() throws Exception {
        JsonNode doc = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsByteArray());
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/security/0").has("bearer")).isTrue();
        assertThat(doc.at("/info/title").asText()).isEqualTo("Promise Ledger API");
    }
}
