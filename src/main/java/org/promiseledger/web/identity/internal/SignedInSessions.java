package org.promiseledger.web.identity.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * The server's open sessions, so that a change HR makes to a login takes effect at once: the login's sessions end on
 * their next request (back to the sign-in page) instead of keeping the old role until they time out. Only this
 * server's sessions: a change made with `users` on the command line reaches a running server's sessions at their
 * timeout (promise-ledger.security.session-timeout).
 */
@Configuration
@ConditionalOnWebApplication
class SignedInSessions {

    private final SessionRegistry registry = new SessionRegistryImpl();

    @Bean
    SessionRegistry sessionRegistry() {
        return registry;
    }

    /** Tells the registry when a session ends, so it does not keep every session ever opened. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @EventListener
    void end(LoginChanged change) {
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof UserDetails user && user.getUsername().equals(change.username())) {
                registry.getAllSessions(principal, false).forEach(session -> session.expireNow());
            }
        }
    }
}
