package org.promiseledger.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application as {@code serve} runs it — servlet web server on a random port, every security chain, Actuator
 * with its Prometheus registry — over a private in-memory H2 database, with uploads kept under
 * target/served-app-data and limited to 1 MB so that the size limit can be tried. Test classes carrying it share
 * one context (and database) and keep to their own quarters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "promise-ledger.cli.enabled=false",
        "promise-ledger.min-sample=3",
        "promise-ledger.upload-limit=1MB",
        "promise-ledger.data-dir=target/served-app-data",
        "spring.main.web-application-type=servlet",
        "spring.datasource.url=jdbc:h2:mem:served-${random.uuid};MODE=MySQL;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password="})
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
public @interface ServedApp {
}
