package org.accord.information;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.ModelAndView;

/** How the module's pages refuse: a Chinese page with 400, 404 or 409; nothing was changed. */
@ControllerAdvice(basePackageClasses = InformationErrors.class, annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class InformationErrors {

    private final MessageSource messages;

    InformationErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InformationRequestsNotFound.class)
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }

    @ExceptionHandler(InformationRefused.class)
    ModelAndView refused(InformationRefused refused) {
        return page(HttpStatus.CONFLICT, text(messages, refused.messageKey()));
    }

    @ExceptionHandler(InformationInputRejected.class)
    ModelAndView rejected(InformationInputRejected rejected) {
        return page(HttpStatus.BAD_REQUEST, text(messages, rejected.messageKey(), rejected.arguments()));
    }

    private ModelAndView page(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("information/refused", status);
        page.addObject("message", message);
        page.addObject("code", status.value());
        page.addObject("activeNav", "information");
        return page;
    }

    /** A message whose arguments may themselves be message keys of this module (a field's name). */
    static String text(MessageSource messages, String key, Object... arguments) {
        Object[] resolved = Arrays.stream(arguments)
                .map(a -> a instanceof String s && s.startsWith("information.")
                        ? messages.getMessage(s, null, s, Locale.SIMPLIFIED_CHINESE)
                        : a)
                .toArray();
        return messages.getMessage(key, resolved, key, Locale.SIMPLIFIED_CHINESE);
    }

    /** The API's refusals as problem details with a Chinese detail. */
    @RestControllerAdvice(assignableTypes = InformationApi.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Api {

        private final MessageSource messages;

        Api(MessageSource messages) {
            this.messages = messages;
        }

        @ExceptionHandler(InformationRequestsNotFound.class)
        ResponseEntity<ProblemDetail> notFound() {
            return problem(HttpStatus.NOT_FOUND, text(messages, "information.error.notFound"));
        }

        @ExceptionHandler(InformationRefused.class)
        ResponseEntity<ProblemDetail> refused(InformationRefused refused) {
            return problem(HttpStatus.CONFLICT, text(messages, refused.messageKey()));
        }

        @ExceptionHandler(InformationInputRejected.class)
        ResponseEntity<ProblemDetail> rejected(InformationInputRejected rejected) {
            return problem(HttpStatus.BAD_REQUEST, text(messages, rejected.messageKey(), rejected.arguments()));
        }

        private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
            return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
        }
    }
}
