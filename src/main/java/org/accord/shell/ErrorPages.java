package org.accord.shell;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages that refuse a request (an unknown record, a bad parameter) answer with the Chinese error
 * page at once, rather than through the container's error dispatch. Errors outside a controller
 * (security, static files) still reach the same page through Spring Boot's error controller.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorPages {

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView refused(ResponseStatusException exception) {
        ModelAndView page = new ModelAndView("error", exception.getStatusCode());
        page.addObject("status", exception.getStatusCode().value());
        return page;
    }
}
