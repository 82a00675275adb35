package org.promiseledger.web.identity.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(SecuritySettings.class)
class IdentityConfiguration {
}
