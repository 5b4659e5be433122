package org.accord.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
 * Gives every test application context a search index directory of its own, next to its own database, so that
 * contexts alive at the same time do not fight over one index's write lock. Deleted when the context closes.
 * Registered in {@code META-INF/spring.factories}; a test's inlined properties still win.
 */
public class SearchIndexContextCustomizerFactory implements ContextCustomizerFactory {

    /** The property the search module reads its index directory from. */
    public static final String PROPERTY = "accord.search.directory";

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new SearchIndexContextCustomizer();
    }

    static final class SearchIndexContextCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Path directory;
            try {
                directory = Files.createTempDirectory("accord-search-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            MapPropertySource source =
                    new MapPropertySource("accordTestSearchIndex", Map.of(PROPERTY, directory.toString()));
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, source);
            } else {
                sources.addFirst(source);
            }
            if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean("accordTestSearchIndex.disposer", () -> delete(directory));
            }
        }

        private static void delete(Path directory) throws IOException {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
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
