package org.promiseledger.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;

import org.junit.jupiter.api.Test;

class LaunchCommandTests {

    @Test
    void theJarIsNamedAsTheUserLaunchedItSoAPrintedHintCanBeCopied() {
        assertThat(LaunchCommand.jar("target/promise-ledger.jar")).isEqualTo("target/promise-ledger.jar");
        assertThat(LaunchCommand.jar("/opt/promise ledger/promise-ledger.jar")).isEqualTo("\"/opt/promise ledger/promise-ledger.jar\"");
    }

    @Test
    void notLaunchedFromOneJarTheHintNamesTheJarItself() {
        assertThat(LaunchCommand.jar("target/classes" + File.pathSeparator + "lib/a.jar")).isEqualTo("promise-ledger.jar");
        assertThat(LaunchCommand.jar("")).isEqualTo("promise-ledger.jar");
    }
}
