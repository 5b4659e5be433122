package org.accord.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** The test infrastructure itself: the selected database, fresh for this context, migrated by Flyway. */
@IntegrationTest
class DatabaseIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Test
    void runsOnTheSelectedDatabase() throws SQLException {
        String expected = TestDatabase.selected() == TestDatabase.Kind.H2 ? "H2" : "PostgreSQL";
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo(expected);
            String url = connection.getMetaData().getURL();
            String name = environment.getProperty(FreshDatabaseContextCustomizerFactory.DATABASE_NAME_PROPERTY);
            assertThat(name)
                    .matches(TestDatabase.selected() == TestDatabase.Kind.H2 ? "accord-\\d+" : "accord_test_\\d+");
            assertThat(url).contains(name);
        }
    }

    @Test
    void flywayMigratedTheDatabase() {
        Integer applied = jdbc.queryForObject(
                "select count(*) from \"flyway_schema_history\" where \"success\" = true", Integer.class);
        Integer failed = jdbc.queryForObject(
                "select count(*) from \"flyway_schema_history\" where \"success\" = false", Integer.class);
        assertThat(applied).isPositive();
        assertThat(failed).isZero();
    }

    @Test
    void loadsTheDemoProfile() {
        assertThat(environment.getActiveProfiles()).contains("demo");
    }
}
