package org.promiseledger.web.identity.internal;

import java.util.List;

import org.promiseledger.web.AppRole;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** After the provider's login: the role from the groups claim, the employee from its claim; no mapped role, no access. */
public class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    public static final String NO_MAPPED_ROLE = "no_mapped_role";

    private final OidcUserService provider = new OidcUserService();
    private final SecuritySettings.Oidc settings;
    private final RoleMapping roles;

    public SsoUserService(SecuritySettings.Oidc settings) {
        this.settings = settings;
        this.roles = new RoleMapping(settings.roles());
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        String username = user.getClaimAsString(settings.usernameClaim());
        if (username == null || username.isBlank()) {
            username = user.getSubject();
        }
        List<String> groups = user.hasClaim(settings.groupsClaim()) ? user.getClaimAsStringList(settings.groupsClaim()) : List.of();
        String name = username;
        AppRole role = roles.roleOf(groups).orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(NO_MAPPED_ROLE,
                name + " has no group mapped to a Promise Ledger role", null)));
        return new SsoUser(user, username, role, user.getClaimAsString(settings.employeeIdClaim()));
    }
}
