package org.promiseledger;

import java.time.Clock;

import org.promiseledger.kernel.BatchSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(BatchSettings.class)
class PromiseLedgerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
