package org.accord.search;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A run with {@code --accord.search.rebuild} is a command: a free port of its own and no scheduler (it must not
 * pick up timers). Registered in {@code META-INF/spring.factories}.
 */
class SearchRebuildCommandEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(SearchRebuildCommand.OPTION)) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "accordSearchRebuildCommand", Map.of("server.port", "0", "db-scheduler.enabled", "false")));
        }
    }
}
