package org.accord.shell;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * While the database cannot be reached, every request answers 503 with {@code Retry-After} at once: a Chinese
 * page for a browser, {@code application/problem+json} for the API. It sits first in the filter chain, so it
 * also covers what fails before a controller (loading the session, the account behind an API key). Nothing
 * has been kept by such a request: its transaction did not commit. The application needs no restart: the
 * connection pool reconnects as soon as the database is back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseUnavailable extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 10;
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    private final MessageSource messages;
    private final ITemplateEngine templates;
    private final JsonMapper json;

    DatabaseUnavailable(MessageSource messages, ITemplateEngine templates, JsonMapper json) {
        this.messages = messages;
        this.templates = templates;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            Throwable cause = unavailable(e);
            if (cause == null || response.isCommitted()) {
                throw e;
            }
            log.warn(
                    "Database unavailable, answering 503 to {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    cause.toString());
            answer(request, response);
        }
    }

    /** The failure that says the database is out of reach, somewhere in the chain of causes; else null. */
    static @Nullable Throwable unavailable(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException) {
                return t;
            }
            // A connection the server ended under a transaction: its rollback or commit fails with the driver's
            // own exception, untranslated (SQLSTATE 08: connection exception; 57P: the server shutting down).
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return t;
            }
            // The pool's own "Connection is closed" carries no SQLSTATE: a commit or rollback that fails in JDBC
            // itself means the connection is gone.
            if (t instanceof TransactionSystemException && t.getCause() instanceof SQLException) {
                return t;
            }
        }
        return null;
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setCharacterEncoding("UTF-8");
        if (wantsProblem(request)) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", text("error.503.title"));
            problem.put("status", 503);
            problem.put("detail", text("error.503.detail"));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        context.setVariable("retryAfter", RETRY_AFTER_SECONDS);
        // Only a request that meant to change something has something unsaved to speak of.
        context.setVariable(
                "change",
                !HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod()));
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.getOutputStream()
                .write(templates.process("shell/unavailable", context).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean wantsProblem(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/open311/")) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
