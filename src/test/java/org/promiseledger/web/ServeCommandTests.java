package org.promiseledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServeCommandTests {

    @Test
    void startsAServletWebApplicationOnlyForServe() {
        assertThat(ServeCommand.launchArguments(new String[] {"serve", "--server.port=9090"}))
                .containsExactly("serve", "--server.port=9090", "--spring.main.web-application-type=servlet");
        assertThat(ServeCommand.launchArguments(new String[] {"--promise-ledger.min-sample=5", "serve"}))
                .endsWith("--spring.main.web-application-type=servlet");
    }

    @Test
    void leavesTheBatchCommandsWithoutAWebServer() {
        assertThat(ServeCommand.launchArguments(new String[] {"run", "--period", "2026-Q3", "--data", "serve"}))
                .containsExactly("run", "--period", "2026-Q3", "--data", "serve");
        assertThat(ServeCommand.launchArguments(new String[] {})).isEmpty();
        assertThat(ServeCommand.launchArguments(new String[] {"demo"})).containsExactly("demo");
    }
}
