package org.accord.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Gives every application context made by the Spring TestContext framework its own fresh database (see
 * {@link TestDatabase}). Registered for all tests in {@code META-INF/spring.factories}.
 *
 * <p>The datasource properties are put above {@code application.properties} and the environment variables but
 * below a test's own inlined properties ({@code @SpringBootTest(properties = ...)}, {@code @TestPropertySource}),
 * so a test can still name a database of its own. The database is dropped when its context is closed.
 */
public class FreshDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    /** Name of the property source that holds the datasource properties. */
    public static final String PROPERTY_SOURCE_NAME = "accordTestDatabase";

    /** Property that tells a test which database its context got. */
    public static final String DATABASE_NAME_PROPERTY = "accord.test.database-name";

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new FreshDatabaseContextCustomizer();
    }

    static final class FreshDatabaseContextCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestDatabase.Database database = TestDatabase.create();

            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("spring.datasource.url", database.url());
            properties.put("spring.datasource.username", database.username());
            properties.put("spring.datasource.password", database.password());
            properties.put("spring.datasource.driver-class-name", database.driverClassName());
            // Cached contexts keep their pools open: keep each one small.
            properties.put("spring.datasource.hikari.minimum-idle", "1");
            properties.put(DATABASE_NAME_PROPERTY, database.name());

            MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE_NAME, properties);
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, source);
            } else {
                sources.addFirst(source);
            }

            // Registered before any bean, so it is destroyed after all of them (reverse order of registration).
            ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
            AutoCloseable closer = context::close;
            if (database.kind() == TestDatabase.Kind.POSTGRESQL) {
                // At JVM exit, close the context before the test server stops, not concurrently with it.
                PostgresServer.closeBeforeStop(closer);
            }
            if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean(PROPERTY_SOURCE_NAME + ".disposer", () -> {
                    PostgresServer.closedBeforeStop(closer);
                    TestDatabase.dispose(database);
                });
            }
        }

        // All instances are equal, so the customizer does not split the context cache.
        @Override
        public boolean equals(Object other) {
            return other != null && other.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return getClass().hashCode();
        }
    }
}
