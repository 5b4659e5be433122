package org.accord.shell;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * A body that is not an upload (JSON for the API, a form) may be at most {@code accord.requests.max-body-size}
 * (2 MB, as Tomcat's own limit on form posts). Above it the request is refused with 413 before anything reads
 * it: a Chinese page for a browser, {@code application/problem+json} for the API. Without the limit a JSON body
 * of any size was read whole into memory (by the idempotency filter, then by Jackson) before a field check
 * refused it. Uploads ({@code multipart/form-data}) keep the multipart limits of {@code spring.servlet.multipart}; a body
 * sent without a length is cut off at the limit as it is read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestBodyLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestBodyLimit.class);

    private final long limit;
    private final MessageSource messages;
    private final ITemplateEngine templates;
    private final JsonMapper json;

    RequestBodyLimit(
            @Value("${accord.requests.max-body-size:2MB}") DataSize limit,
            MessageSource messages,
            ITemplateEngine templates,
            JsonMapper json) {
        this.limit = limit.toBytes();
        this.messages = messages;
        this.templates = templates;
        this.json = json;
    }

    /** Thrown by the body of a request sent without a length, once more than the limit has been read. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(long limit) {
            super("Request body above " + limit + " bytes");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        // Only form uploads: spring.servlet.multipart limits those; any other multipart body is read like the rest.
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            chain.doFilter(request, response);
            return;
        }
        long length = request.getContentLengthLong();
        if (length > limit) {
            refuse(request, response, length);
            return;
        }
        if (length >= 0) {
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(new Capped(request, limit), response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!causedByTooLarge(e) || response.isCommitted()) {
                throw e;
            }
            response.reset();
            refuse(request, response, -1);
        }
    }

    private static boolean causedByTooLarge(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyTooLarge) {
                return true;
            }
        }
        return false;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long length) throws IOException {
        log.info(
                "Refused {} {}: body of {} bytes above the limit of {}",
                request.getMethod(),
                request.getRequestURI(),
                length < 0 ? "unknown length" : length,
                limit);
        String size = DataSize.ofBytes(limit).toMegabytes() + "MB";
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // The body is not read: the client should not reuse a connection that still carries it.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.setCharacterEncoding("UTF-8");
        if (wantsProblem(request)) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", text("error.413.body.title"));
            problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
            problem.put("detail", text("error.413.body.detail", size));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        context.setVariable("size", size);
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.getOutputStream()
                .write(templates.process("shell/too-large", context).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean wantsProblem(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/open311/")) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.SIMPLIFIED_CHINESE);
    }

    /** The request with a body that fails once more than the limit has been read from it. */
    private static final class Capped extends HttpServletRequestWrapper {

        private final long limit;
        private @Nullable ServletInputStream capped;

        Capped(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream current = capped;
            if (current == null) {
                ServletInputStream in = super.getInputStream();
                current = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLarge {
                        read += n;
                        if (read > limit) {
                            throw new BodyTooLarge(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
                capped = current;
            }
            return current;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
