package org.promiseledger.web.identity.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.promiseledger.web.AppRole;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * promise-ledger.security in batch-config/promise-ledger.yml: how people sign in, and what the directory or single
 * sign-on must say for a person to get a role. The session timeout is Spring Boot's server.servlet.session.timeout,
 * set from promise-ledger.security.session-timeout in application.yml.
 */
@ConfigurationProperties("promise-ledger.security")
public record SecuritySettings(
        @DefaultValue("local") LoginMode login,
        /** Where people reach the server: the start of every activation link written to a CSV or printed. */
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("7d") Duration activationValidity,
        @DefaultValue Ldap ldap,
        @DefaultValue Oidc oidc) {

    /** The company directory. Either userDnPattern or userSearchFilter finds the person to bind as. */
    public record Ldap(
            String url,
            String userDnPattern,
            @DefaultValue("") String userSearchBase,
            String userSearchFilter,
            String managerDn,
            String managerPassword,
            @DefaultValue("") String groupSearchBase,
            @DefaultValue("(member={0})") String groupSearchFilter,
            @DefaultValue("cn") String groupNameAttribute,
            @DefaultValue("employeeNumber") String employeeIdAttribute,
            /** Role → the directory groups (by name) that give it. */
            Map<AppRole, List<String>> roles) {
    }

    /** The company's OpenID Connect provider. */
    public record Oidc(
            String issuerUri,
            String clientId,
            String clientSecret,
            @DefaultValue({"openid", "profile"}) List<String> scopes,
            @DefaultValue("groups") String groupsClaim,
            @DefaultValue("employee_id") String employeeIdClaim,
            @DefaultValue("preferred_username") String usernameClaim,
            /** Role → the groups (values of the groups claim) that give it. */
            Map<AppRole, List<String>> roles) {
    }
}
