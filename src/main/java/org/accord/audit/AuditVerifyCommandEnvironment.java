package org.accord.audit;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A run with {@code --accord.audit.verify} is a command, not a server: its web server listens on a free
 * port of its own (so it does not collide with a running instance; the pages' security needs a web
 * application) and it starts no scheduler (so it picks up no timers). Registered in
 * {@code META-INF/spring.factories}.
 */
class AuditVerifyCommandEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(AuditVerifyCommand.OPTION)) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "accordAuditVerifyCommand", Map.of("server.port", "0", "db-scheduler.enabled", "false")));
        }
    }
}
