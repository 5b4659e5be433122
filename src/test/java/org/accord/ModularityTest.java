package org.accord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** The modules keep to their public APIs and declared dependencies. */
class ModularityTest {

    static final ApplicationModules modules = ApplicationModules.of(AccordApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theModulesAreTheOnesTheArchitectureNames() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrder(
                        "audit",
                        "basis",
                        "calendar",
                        "cases",
                        "coordination",
                        "directory",
                        "documents",
                        "duty",
                        "information",
                        "meetings",
                        "notify",
                        "review",
                        "search",
                        "security",
                        "shell",
                        "supervision");
    }
}
