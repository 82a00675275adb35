package org.promiseledger.web.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.promiseledger.web.identity.internal.DirectoryUserMapper;
import org.promiseledger.web.identity.internal.LoginThrottle;
import org.promiseledger.web.identity.internal.LoginThrottledException;
import org.promiseledger.web.identity.internal.NoMappedRoleException;
import org.promiseledger.web.identity.internal.RoleMapping;
import org.promiseledger.web.identity.internal.SecuritySettings;
import org.promiseledger.web.identity.internal.SsoClientRegistrations;
import org.promiseledger.web.identity.internal.SsoUserService;
import org.promiseledger.web.identity.internal.ThrottledAuthenticationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.DefaultLdapAuthoritiesPopulator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * How the pages' security chain signs people in, by promise-ledger.security.login: a form checked against app_user
 * (local) or by binding to the company directory (ldap), both behind the per-login throttle; or the company's single
 * sign-on (oidc). Whichever way, the session holds a {@link org.promiseledger.web.SignedInUser}, so pages do not care.
 */
@Component
@ConditionalOnWebApplication
public class LoginChain {

    private final SecuritySettings settings;
    private final LoginThrottle throttle;
    private final UserDetailsService localLogins;
    private final PasswordEncoder encoder;
    private final SessionRegistry sessions;

    LoginChain(SecuritySettings settings, LoginThrottle throttle, UserDetailsService localLogins, PasswordEncoder encoder,
            SessionRegistry sessions) {
        this.settings = settings;
        this.throttle = throttle;
        this.localLogins = localLogins;
        this.encoder = encoder;
        this.sessions = sessions;
    }

    public void configure(HttpSecurity http) throws Exception {
        // every session registered, none limited: so that HR's change to a login ends that login's open sessions
        http.sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?expired"));
        switch (settings.login()) {
            case LOCAL -> {
                DaoAuthenticationProvider appUsers = new DaoAuthenticationProvider(localLogins);
                appUsers.setPasswordEncoder(encoder);
                signInWithForm(http, appUsers);
            }
            case LDAP -> signInWithForm(http, directory(settings.ldap()));
            case OIDC -> http.oauth2Login(sso -> sso.loginPage("/login")
                    .clientRegistrationRepository(new SsoClientRegistrations(settings.oidc()))
                    .userInfoEndpoint(info -> info.oidcUserService(new SsoUserService(settings.oidc())))
                    .defaultSuccessUrl("/", true)
                    .failureHandler(this::onFailure)
                    .permitAll());
        }
    }

    /**
     * The chain's only authentication manager, with no parent: a refusal by the throttle or the directory must not
     * fall through to another check (such as app_user in ldap mode).
     */
    private void signInWithForm(HttpSecurity http, AuthenticationProvider passwordCheck) throws Exception {
        http.authenticationManager(new ProviderManager(new ThrottledAuthenticationProvider(passwordCheck, throttle)));
        http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).failureHandler(this::onFailure).permitAll());
    }

    static LdapAuthenticationProvider directory(SecuritySettings.Ldap ldap) {
        if (ldap.url() == null || (ldap.userDnPattern() == null && ldap.userSearchFilter() == null)) {
            throw new IllegalStateException("promise-ledger.security.login is ldap: set promise-ledger.security.ldap.url and"
                    + " either ldap.user-dn-pattern or ldap.user-search-filter");
        }
        DefaultSpringSecurityContextSource source = new DefaultSpringSecurityContextSource(ldap.url());
        if (ldap.managerDn() != null) {
            source.setUserDn(ldap.managerDn());
            source.setPassword(ldap.managerPassword() == null ? "" : ldap.managerPassword());
        }
        source.afterPropertiesSet();
        BindAuthenticator bind = new BindAuthenticator(source);
        if (ldap.userDnPattern() != null) {
            bind.setUserDnPatterns(new String[] {ldap.userDnPattern()});
        }
        if (ldap.userSearchFilter() != null) {
            bind.setUserSearch(new FilterBasedLdapUserSearch(ldap.userSearchBase(), ldap.userSearchFilter(), source));
        }
        DefaultLdapAuthoritiesPopulator groups = new DefaultLdapAuthoritiesPopulator(source, ldap.groupSearchBase());
        groups.setGroupSearchFilter(ldap.groupSearchFilter());
        groups.setGroupRoleAttribute(ldap.groupNameAttribute());
        groups.setSearchSubtree(true);
        groups.setRolePrefix("");
        groups.setConvertToUpperCase(false);
        LdapAuthenticationProvider provider = new LdapAuthenticationProvider(bind, groups);
        provider.setUserDetailsContextMapper(new DirectoryUserMapper(new RoleMapping(ldap.roles()), ldap.employeeIdAttribute()));
        return provider;
    }

    /** Plain words on the sign-in page for each kind of refusal; a person without a role gets a page of their own. */
    private void onFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String target;
        if (e instanceof LoginThrottledException) {
            target = "/login?throttled";
        } else if (e instanceof NoMappedRoleException || (e instanceof OAuth2AuthenticationException oauth
                && SsoUserService.NO_MAPPED_ROLE.equals(oauth.getError().getErrorCode()))) {
            target = "/no-access";
        } else if (e instanceof InternalAuthenticationServiceException) {
            target = "/login?unavailable";
        } else {
            target = "/login?error";
        }
        response.sendRedirect(request.getContextPath() + target);
    }
}
