package org.accord.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLTransientConnectionException;
import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The answer while the database is out of reach, through the application's own filter, template and texts.
 * (The real outage, PostgreSQL stopped under load, is in {@code FaultsTest}.)
 */
@IntegrationTest
class DatabaseUnavailableIntegrationTest {

    @Autowired
    DatabaseUnavailable filter;

    MockHttpServletResponse run(String path, String accept, RuntimeException failure) throws Exception {
        return run("GET", path, accept, failure);
    }

    MockHttpServletResponse run(String method, String path, String accept, RuntimeException failure) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRequestURI(path);
        request.addHeader("Accept", accept);
        MockHttpServletResponse response = new MockHttpServletResponse();
        HttpServlet failing = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) {
                throw failure;
            }
        };
        filter.doFilter(request, response, new MockFilterChain(failing));
        return response;
    }

    static RuntimeException noConnection() {
        return new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
    }

    @Test
    void aPageGetsTheChineseExplanationWithRetryAfter() throws Exception {
        MockHttpServletResponse response = run("/cases", "text/html", noConnection());
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString())
                .contains("系统暂时无法服务")
                .contains("页面暂时无法打开")
                .contains("约 10 秒后")
                .as("a page view changed nothing, so it does not speak of an unsaved change")
                .doesNotContain("没有保存");
    }

    @Test
    void aFormSentDuringTheOutageIsSaidNotToBeSaved() throws Exception {
        MockHttpServletResponse response = run("POST", "/cases/4/return", "text/html", noConnection());
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("您的操作没有保存").contains("约 10 秒后");
    }

    @Test
    void theApiGetsAProblemWithRetryAfter() throws Exception {
        // As when the transaction cannot even begin: the pool's failure is the cause of the cause.
        MockHttpServletResponse response = run(
                "/api/cases",
                "application/json",
                new CannotCreateTransactionException("Could not open JDBC Connection", noConnection()));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":503").contains("数据库暂时无法连接");
    }

    @Test
    void aRollbackOnAConnectionTheServerEndedIsAnOutageToo() throws Exception {
        RuntimeException failure = new org.springframework.transaction.TransactionSystemException(
                "JDBC rollback failed", new java.sql.SQLException("This connection has been closed.", "08003"));
        assertThat(run("/api/incidents", "application/json", failure).getStatus())
                .isEqualTo(503);
        // Hikari's closed connection says so without an SQLSTATE.
        RuntimeException closed = new org.springframework.transaction.TransactionSystemException(
                "JDBC rollback failed", new java.sql.SQLException("Connection is closed"));
        assertThat(run("/api/incidents", "application/json", closed).getStatus())
                .isEqualTo(503);
    }

    @Test
    void otherFailuresAreNotDisguisedAsAnOutage() {
        assertThatThrownBy(() -> run("/api/cases", "application/json", new DataIntegrityViolationException("dup")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
