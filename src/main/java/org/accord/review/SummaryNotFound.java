package org.accord.review;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A summary, or the person or unit it would be about, that does not exist or is hidden from the viewer. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class SummaryNotFound extends RuntimeException {

    SummaryNotFound(long id) {
        super("No summary or subject " + id);
    }
}
