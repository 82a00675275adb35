package org.promiseledger.web.identity.internal;

import java.util.Map;

import org.promiseledger.web.AppRole;
import org.promiseledger.web.SignedInUser;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A person single sign-on vouched for: the same principal the pages know, carrying the provider's tokens. */
final class SsoUser extends SignedInUser implements OidcUser {

    private final OidcUser signedIn;

    SsoUser(OidcUser signedIn, String username, AppRole role, String employeeId) {
        super(username, role, employeeId);
        this.signedIn = signedIn;
    }

    @Override
    public Map<String, Object> getClaims() {
        return signedIn.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return signedIn.getUserInfo();
    }

    @Override
    public OidcIdToken getIdToken() {
        return signedIn.getIdToken();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return signedIn.getAttributes();
    }

    @Override
    public String getName() {
        return getUsername();
    }
}
