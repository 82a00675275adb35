package org.promiseledger.api.internal;

import java.io.IOException;
import java.util.Optional;

import org.promiseledger.api.ApiTokens;
import org.promiseledger.web.PayReach;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signs a request in by its {@code Authorization: Bearer <token>}: an active token whose login still exists. A
 * token that is unknown, revoked or whose login is gone is refused at once with 401; every request made with a
 * valid token is recorded (method, path, status) for the auditors.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final PayReach reach;
    private final ProblemWriter problems;

    BearerTokenFilter(ApiTokens tokens, PayReach reach, ProblemWriter problems) {
        this.tokens = tokens;
        this.reach = reach;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.Token> token = tokens.authenticate(header.substring(7).trim());
        Optional<PayReach.Caller> login = token.flatMap(t -> reach.caller(t.username()));
        if (token.isEmpty() || login.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Invalid token",
                    "the bearer token is unknown, revoked, or its login no longer exists");
            return;
        }
        ApiCaller caller = new ApiCaller(token.get().id(), login.get().username(), login.get().role(), login.get().employeeId(),
                token.get().scope());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, caller.authorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            String query = request.getQueryString();
            tokens.recordUse(token.get(), request.getMethod(), request.getRequestURI() + (query == null ? "" : "?" + query),
                    response.getStatus());
        }
    }
}
