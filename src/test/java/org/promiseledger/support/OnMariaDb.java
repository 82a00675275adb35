package org.promiseledger.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.TestPropertySource;

/**
 * Points a Spring Boot test at the local MariaDB through MySQL Connector/J, on a freshly built schema
 * (Liquibase drops everything first), and skips it loudly when the server is not there (see {@link MariaDbAvailable}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MariaDbAvailable.class)
@TestPropertySource(properties = {
        "spring.datasource.url=" + MariaDbAvailable.SPRING_URL,
        "spring.datasource.username=root",
        "spring.datasource.password=",
        "spring.liquibase.drop-first=true"})
public @interface OnMariaDb {
}
