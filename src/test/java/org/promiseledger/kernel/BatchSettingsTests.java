package org.promiseledger.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The defaults a missing batch-config gives, and the settings refused before anything runs (exit 2 on the CLI). */
class BatchSettingsTests {

    @Test
    void missingSettingsGiveTheDocumentedDefaults() {
        BatchSettings settings = new BatchSettings(null, null, null, null, null, null, null, null, null);

        assertThat(settings.timeZone()).isEqualTo("UTC");
        assertThat(settings.minSample()).isEqualTo(30);
        assertThat(settings.chunkSize()).isEqualTo(5000);
        assertThat(settings.customersPerPass()).isEqualTo(500_000);
        assertThat(settings.pool()).isEmpty();
    }

    @Test
    void customersPerPassBelowOneIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new BatchSettings(null, null, null, null, null, null, null, null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("promise-ledger.customers-per-pass must be at least 1, not 0");
    }
}
