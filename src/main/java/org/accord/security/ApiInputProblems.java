package org.accord.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The refusals that the framework makes before a module's API sees the request (a body that is not UTF-8 JSON
 * of the right shape, a parameter of the wrong type or missing, a status thrown without a body) answered as
 * {@code application/problem+json} with a Chinese detail, as every other refusal of {@code /api/**}. A module's
 * own handlers come first; other paths (Open311 has its own error format) are left to the framework.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiInputProblems {

    private final MessageSource messages;

    ApiInputProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) throws Exception {
        return problem(e, request, HttpStatus.BAD_REQUEST, "security.api.input.unreadable");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) throws Exception {
        return problem(e, request, HttpStatus.BAD_REQUEST, "security.api.input.type", e.getName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e, HttpServletRequest request) throws Exception {
        return problem(e, request, HttpStatus.BAD_REQUEST, "security.api.input.missing", e.getParameterName());
    }

    @ExceptionHandler(ErrorResponseException.class)
    ProblemDetail status(ErrorResponseException e, HttpServletRequest request) throws Exception {
        HttpStatusCode status = e.getStatusCode();
        String key = status.value() == 404 ? "security.api.input.notFound" : "security.api.input.refused";
        return problem(e, request, status, key);
    }

    private ProblemDetail problem(
            Exception e, HttpServletRequest request, HttpStatusCode status, String key, Object... arguments)
            throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            // Thrown back, the exception goes on to the framework's own resolvers.
            throw e;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, messages.getMessage(key, arguments, Locale.SIMPLIFIED_CHINESE));
        problem.setTitle(messages.getMessage("security.api.input.title", null, Locale.SIMPLIFIED_CHINESE));
        return problem;
    }
}
