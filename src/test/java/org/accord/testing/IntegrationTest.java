package org.accord.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * A full application context (mock servlet environment, {@code MockMvc} available for injection) with the demo
 * city loaded, on a database of its own.
 *
 * <p>Every application context that the Spring TestContext framework creates gets a fresh, empty database that
 * Flyway then migrates (see {@link FreshDatabaseContextCustomizerFactory}): H2 in memory by default, a new
 * database in a throwaway PostgreSQL server when the system property {@code accord.test.database=postgresql}
 * is set. Test classes with the same configuration share one cached context, and so one database.
 *
 * <p>Classes named {@code *IntegrationTest} that carry this annotation run twice in {@code mvn verify}: on H2
 * and on PostgreSQL. The tag is what lets the PostgreSQL run pick them out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@Tag("integration")
public @interface IntegrationTest {}
