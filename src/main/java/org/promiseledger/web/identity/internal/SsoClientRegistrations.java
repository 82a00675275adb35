package org.promiseledger.web.identity.internal;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * The company's provider as one client registration ("sso"), read from its discovery document on first use rather
 * than at start: the server starts (and local pages answer) while the provider is briefly away.
 */
public class SsoClientRegistrations implements ClientRegistrationRepository {

    static final String ID = "sso";

    private final SecuritySettings.Oidc settings;
    private volatile ClientRegistration registration;

    public SsoClientRegistrations(SecuritySettings.Oidc settings) {
        if (settings.issuerUri() == null || settings.clientId() == null) {
            throw new IllegalStateException("promise-ledger.security.login is oidc: set promise-ledger.security.oidc.issuer-uri"
                    + " and promise-ledger.security.oidc.client-id (and client-secret)");
        }
        this.settings = settings;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            known = ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                    .registrationId(ID)
                    .clientId(settings.clientId())
                    .clientSecret(settings.clientSecret())
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope(settings.scopes())
                    .build();
            registration = known;
        }
        return known;
    }
}
