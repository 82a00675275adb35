package org.promiseledger.web.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application as `serve` runs it (servlet web application on a random port, the real security
 * configuration) over a private in-memory H2 database in MySQL mode, driven through MockMvc or a real browser.
 * Every class carrying it shares one context, hence one database loaded once by {@link SmallCompanyQuarters}; the
 * classes that change state use different quarters (the matrix 2026-Q1, the page tests 2026-Q2, the browser 2026-Q3).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "promise-ledger.cli.enabled=false",
        "promise-ledger.min-sample=3",
        "spring.main.web-application-type=servlet",
        "spring.datasource.url=jdbc:h2:mem:web-${random.uuid};MODE=MySQL;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password="})
@AutoConfigureMockMvc
@interface WebFunctionalTest {
}
