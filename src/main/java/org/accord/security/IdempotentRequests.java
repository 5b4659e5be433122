package org.accord.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for every create of the API: any POST under {@code /api/} or {@code /open311/} that
 * carries the header runs in one transaction with a row that claims the key for its caller; a 2xx answer is
 * kept in that row and commits together with what the request created. A retry with the same key and the
 * same request gets the kept answer (with {@code Idempotent-Replayed: true}) and creates nothing; a retry
 * while the first is still running waits for it on the row's lock (or, where the database stops waiting,
 * gets 409 with {@code Retry-After}); the same key with another request is
 * refused with 409. A refused request (4xx, 5xx) keeps nothing, neither the key nor its changes.
 *
 * <p>Runs after Spring Security (so the caller is known: keys are per account or API client) and before
 * Spring MVC. See docs/faults.md and ADR 0020.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class IdempotentRequests extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int KEY_MAX = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final JsonMapper json;

    IdempotentRequests(
            JdbcClient jdbc, PlatformTransactionManager transactionManager, MessageSource messages, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.messages = messages;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.startsWith("/open311/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > KEY_MAX || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            problem(response, HttpStatus.BAD_REQUEST, "security.idempotency.invalid");
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String owner = auth == null ? "anonymous" : auth.getName();
        Body body = Body.of(request);
        String hash = body.hash(request);

        Optional<Kept> earlier = kept(owner, key);
        if (earlier.isPresent()) {
            replay(earlier.get(), hash, response);
            return;
        }
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        Claim claim;
        try {
            claim = transactions.execute(tx -> {
                try {
                    jdbc.sql(
                                    "INSERT INTO security_idempotent_request (owner, idempotency_key, request_hash, created_at)"
                                            + " VALUES (:owner, :key, :hash, :at)")
                            .param("owner", owner)
                            .param("key", key)
                            .param("hash", hash)
                            .param("at", java.sql.Timestamp.from(Instant.now()))
                            .update();
                } catch (DuplicateKeyException raced) {
                    // The same key committed by a request that ran at the same time: answer with its answer.
                    tx.setRollbackOnly();
                    return Claim.RACED;
                } catch (TransientDataAccessException stillRunning) {
                    // H2 gives up waiting for the other request's row lock (PostgreSQL waits for it).
                    tx.setRollbackOnly();
                    return Claim.BUSY;
                }
                try {
                    chain.doFilter(body.wrap(request), buffered);
                } catch (IOException | ServletException e) {
                    throw new Failed(e);
                }
                int status = buffered.getStatus();
                if (status < 200 || status >= 300) {
                    // Nothing is kept for a refusal: the caller may correct the request and send it again.
                    tx.setRollbackOnly();
                    return Claim.CLAIMED;
                }
                jdbc.sql("UPDATE security_idempotent_request SET status = :status, content_type = :type,"
                                + " location = :location, body = :body WHERE owner = :owner AND idempotency_key = :key")
                        .param("status", status)
                        .param("type", buffered.getContentType())
                        .param("location", buffered.getHeader(HttpHeaders.LOCATION))
                        .param("body", new String(buffered.getContentAsByteArray(), StandardCharsets.UTF_8))
                        .param("owner", owner)
                        .param("key", key)
                        .update();
                return Claim.CLAIMED;
            });
        } catch (Failed failed) {
            if (failed.getCause() instanceof ServletException e) {
                throw e;
            }
            throw (IOException) failed.getCause();
        }
        if (claim == Claim.BUSY) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problem(response, HttpStatus.CONFLICT, "security.idempotency.running");
            return;
        }
        if (claim != Claim.CLAIMED) {
            replay(kept(owner, key).orElseThrow(), hash, response);
            return;
        }
        // Only now, after the commit, does the caller learn of the result.
        buffered.copyBodyToResponse();
    }

    private Optional<Kept> kept(String owner, String key) {
        return jdbc.sql("SELECT request_hash, status, content_type, location, body FROM security_idempotent_request"
                        + " WHERE owner = :owner AND idempotency_key = :key")
                .param("owner", owner)
                .param("key", key)
                .query((rs, n) ->
                        new Kept(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    private void replay(Kept kept, String hash, HttpServletResponse response) throws IOException {
        if (!kept.hash().equals(hash)) {
            // 409, as the cases API answered before this filter took over its keys.
            problem(response, HttpStatus.CONFLICT, "security.idempotency.reused");
            return;
        }
        response.setStatus(kept.status());
        response.setHeader(REPLAYED, "true");
        if (kept.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, kept.location());
        }
        if (kept.contentType() != null) {
            response.setContentType(kept.contentType());
        }
        if (kept.body() != null) {
            byte[] bytes = kept.body().getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    private void problem(HttpServletResponse response, HttpStatus status, String messageKey) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", messages.getMessage(messageKey + ".title", null, Locale.SIMPLIFIED_CHINESE));
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage(messageKey, null, Locale.SIMPLIFIED_CHINESE));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private enum Claim {
        CLAIMED,
        RACED,
        BUSY
    }

    private record Kept(
            String hash,
            int status,
            @Nullable String contentType,
            @Nullable String location,
            @Nullable String body) {}

    /** Carries a checked exception of the filter chain out of the transaction callback. */
    private static final class Failed extends RuntimeException {
        Failed(Exception cause) {
            super(cause);
        }
    }

    /**
     * What makes two requests the same one: the path and, for a form or multipart request, its parameters and
     * parts (the container reads the body for them), otherwise the raw body, read once and handed on.
     */
    private record Body(byte @Nullable [] raw) {

        static Body of(HttpServletRequest request) throws IOException {
            String type = request.getContentType();
            if (type != null
                    && (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                            || type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE))) {
                return new Body(null);
            }
            return new Body(request.getInputStream().readAllBytes());
        }

        String hash(HttpServletRequest request) throws IOException, ServletException {
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            if (raw != null) {
                if (request.getQueryString() != null) {
                    digest.update(request.getQueryString().getBytes(StandardCharsets.UTF_8));
                }
                digest.update((byte) 0);
                digest.update(raw);
            } else {
                new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
                    digest.update(name.getBytes(StandardCharsets.UTF_8));
                    for (String value : values) {
                        digest.update((byte) 0);
                        digest.update(value.getBytes(StandardCharsets.UTF_8));
                    }
                    digest.update((byte) 1);
                });
                String type = request.getContentType();
                if (type != null && type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
                    for (Part part : request.getParts()) {
                        digest.update(part.getName().getBytes(StandardCharsets.UTF_8));
                        try (InputStream in = part.getInputStream()) {
                            digest.update(in.readAllBytes());
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        }

        HttpServletRequest wrap(HttpServletRequest request) {
            byte[] bytes = raw;
            if (bytes == null) {
                return request;
            }
            return new HttpServletRequestWrapper(request) {
                @Override
                public ServletInputStream getInputStream() {
                    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
                    return new ServletInputStream() {
                        @Override
                        public boolean isFinished() {
                            return in.available() == 0;
                        }

                        @Override
                        public boolean isReady() {
                            return true;
                        }

                        @Override
                        public void setReadListener(ReadListener listener) {
                            throw new UnsupportedOperationException();
                        }

                        @Override
                        public int read() {
                            return in.read();
                        }

                        @Override
                        public int read(byte[] b, int off, int len) {
                            return in.read(b, off, len);
                        }
                    };
                }

                @Override
                public BufferedReader getReader() {
                    return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
                }

                @Override
                public int getContentLength() {
                    return bytes.length;
                }

                @Override
                public long getContentLengthLong() {
                    return bytes.length;
                }
            };
        }
    }
}
