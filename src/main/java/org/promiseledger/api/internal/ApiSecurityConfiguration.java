package org.promiseledger.api.internal;

import org.promiseledger.api.ApiTokens;
import org.promiseledger.api.TokenScope;
import org.promiseledger.web.PayReach;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The machines' doors, each its own filter chain ahead of the pages' form login: the REST API (bearer tokens only,
 * stateless, no CSRF since no cookie signs a request in), the OpenAPI description (public: it describes, it
 * discloses nothing), and Actuator (health public; info and metrics for HR and auditors, by token or session).
 * The API's matrix is the pages': runs, rejects and adjustments for HR and auditors, metrics also for analysts,
 * payouts for anyone but filtered by {@link PayReach}; every write needs HR and an operate-scoped token, except an
 * integrity review, which an auditor may also make (as on the Integrity page), still with an operate-scoped token.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiSecurityConfiguration {

    private static final String HR = "HR";
    private static final String AUDITOR = "AUDITOR";
    private static final String ANALYST = "ANALYST";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, PayReach reach, ObjectMapper json) throws Exception {
        ProblemWriter problems = new ProblemWriter(json);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(api -> api
                        .requestMatchers(HttpMethod.GET, "/api/v1/runs", "/api/v1/runs/**", "/api/v1/rejects",
                                "/api/v1/adjustments", "/api/v1/approvals", "/api/v1/integrity").hasAnyRole(HR, AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/metrics").hasAnyRole(HR, AUDITOR, ANALYST)
                        .requestMatchers(HttpMethod.GET, "/api/v1/payouts", "/api/v1/decisions").authenticated()
                        // reviewing integrity signals is audit work, as on the Integrity page (four eyes in the service)
                        .requestMatchers(HttpMethod.POST, "/api/v1/integrity/reviews").access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAnyRole(HR, AUDITOR),
                                AuthorityAuthorizationManager.hasAuthority(TokenScope.OPERATE.authority())))
                        .requestMatchers(HttpMethod.POST, "/api/v1/**").access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasRole(HR),
                                AuthorityAuthorizationManager.hasAuthority(TokenScope.OPERATE.authority())))
                        // anything else: a signed-in caller gets the API's 404 problem (ApiNotFound)
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, reach, problems), AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
                                    "send a personal API token as Authorization: Bearer <token> (HR creates them on the Tokens page)");
                        })
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response, HttpStatus.FORBIDDEN,
                                "Forbidden", "this token's login or scope may not " + request.getMethod() + " "
                                        + request.getRequestURI())));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain openApiSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
                .authorizeHttpRequests(docs -> docs.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, ApiTokens tokens, PayReach reach, ObjectMapper json) throws Exception {
        ProblemWriter problems = new ProblemWriter(json);
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(ops -> ops
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .anyRequest().hasAnyRole(HR, AUDITOR))
                .addFilterBefore(new BearerTokenFilter(tokens, reach, problems), AuthorizationFilter.class)
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
                                    "Actuator endpoints other than health need an HR or auditor login or API token");
                        })
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response, HttpStatus.FORBIDDEN,
                                "Forbidden", "Actuator endpoints other than health are for HR and auditors")));
        return http.build();
    }
}
