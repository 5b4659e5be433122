package org.accord.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.accord.AccordApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Production refuses the demo's credentials, and opens the first administrators on an empty database. */
class ProductionStartTest {

    @TempDir
    Path dataDirectory;

    ConfigurableApplicationContext start(String profile) {
        return new SpringApplicationBuilder(AccordApplication.class)
                .profiles(profile)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("accord")
                                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Test
    void theProductionProfileRefusesADatabaseWithDemoAccounts() {
        try (ConfigurableApplicationContext demo = start("demo")) {
            assertThat(demo.getBean(Accounts.class).existsByUsername("sysadmin"))
                    .isTrue();
        }
        assertThatThrownBy(() -> start("prod").close())
                .isInstanceOf(ProductionGuard.DemoAccountsInProduction.class)
                .hasMessageContaining("Refusing to start with the 'prod' profile")
                .hasMessageContaining("sysadmin")
                .hasMessageContaining("huanghaitao");
    }

    @Test
    void theFirstProductionStartOpensTheThreeAdministratorsWithOneTimePasswords() {
        try (ConfigurableApplicationContext production = start("prod")) {
            List<Account> accounts = production.getBean(Accounts.class).findAllByOrderByUsernameAsc();
            assertThat(accounts).extracting(Account::username).containsExactly("auditor", "secadmin", "sysadmin");
            assertThat(accounts).allMatch(Account::mustChangePassword);
            assertThat(accounts).extracting(Account::role).containsExactly(Role.AUDITOR, Role.SECADMIN, Role.SYSADMIN);
        }
        // A second start leaves them alone and passes the guard.
        try (ConfigurableApplicationContext again = start("prod")) {
            assertThat(again.getBean(Accounts.class).count()).isEqualTo(3);
        }
    }
}
