package org.promiseledger.web.internal;

import org.promiseledger.web.AppRole;

import org.promiseledger.web.identity.LoginChain;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may reach which page, by role. Whose pay a page may show is decided per person by {@link PayVisibility} in the
 * controllers; this layer only keeps each role to its pages and makes anything not listed here a refusal.
 * Only in the web server ({@code serve}); the batch commands start no web stack.
 */
@Configuration
@EnableWebSecurity
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurityConfiguration {

    private static final String HR = AppRole.HR.name();
    private static final String EXECUTIVE = AppRole.EXECUTIVE.name();
    private static final String EMPLOYEE = AppRole.EMPLOYEE.name();
    private static final String ANALYST = AppRole.ANALYST.name();
    private static final String AUDITOR = AppRole.AUDITOR.name();

    /** With the app_user lookup (DatabaseUserDetailsService), Spring Security signs people in against the bcrypt hashes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return AppUsers.BCRYPT;
    }

    @Bean
    SecurityFilterChain scorecardSecurity(HttpSecurity http, LoginChain logins) throws Exception {
        http.authorizeHttpRequests(pages -> pages
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                        // sign-in's own pages: a one-time activation link, and the page of a person without a role
                        .requestMatchers("/activate", "/no-access").permitAll()
                        .requestMatchers("/users", "/users/**").hasRole(HR)
                        .requestMatchers(HttpMethod.GET, "/views").hasRole(AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/my-views").authenticated()
                        // writes: HR only; auditors are read-only everywhere except reviewing integrity signals, which
                        // is audit work (four eyes still apply: not the run's launcher)
                        .requestMatchers(HttpMethod.POST, "/runs/*/approve", "/runs/*/payroll", "/queries/*/answers").hasRole(HR)
                        .requestMatchers(HttpMethod.POST, "/integrity/*/reviews").hasAnyRole(HR, AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/scorecards/*/queries").hasAnyRole(HR, EXECUTIVE, EMPLOYEE, ANALYST)
                        // HR's and the auditors' pages: individual pay in bulk
                        .requestMatchers(HttpMethod.GET, "/runs", "/runs/*/exports/payouts.csv", "/runs/*/exports/decisions.csv", "/runs/*/exports/rejects.csv",
                                "/audit", "/integrity", "/runs/*/exports/integrity.csv").hasAnyRole(HR, AUDITOR)
                        // metrics and rule versions: no individual pay
                        .requestMatchers(HttpMethod.GET, "/runs/*/exports/metrics.csv", "/metrics", "/rules")
                                .hasAnyRole(HR, AUDITOR, ANALYST)
                        .requestMatchers(HttpMethod.GET, "/departments", "/departments/*", "/cx")
                                .hasAnyRole(EXECUTIVE, HR, AUDITOR, ANALYST)
                        // running a quarter in the browser, adjustments and API tokens: HR acts, auditors watch
                        .requestMatchers(HttpMethod.GET, "/tokens", "/tokens/*").hasAnyRole(HR, AUDITOR)
                        .requestMatchers("/runs/new", "/runs/uploads", "/runs/uploads/**", "/runs/*/restart", "/tokens",
                                "/tokens/**").hasRole(HR)
                        .requestMatchers(HttpMethod.POST, "/adjustments").hasRole(HR)
                        .requestMatchers(HttpMethod.GET, "/runs/*/progress", "/runs/*/progress.json", "/runs/*/rejects",
                                "/adjustments").hasAnyRole(HR, AUDITOR)
                        // per-person pages: any login, PayVisibility decides whose
                        .requestMatchers(HttpMethod.GET, "/", "/scorecard", "/scorecards/*", "/scorecards/*/statement.pdf",
                                "/people", "/queries").authenticated()
                        .anyRequest().denyAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")));
        logins.configure(http);
        return http.build();
    }
}
