package org.accord.review;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A summary, or the person or unit it would be about, that does not exist or is hidden from the viewer. */
class SummaryNotFound extends ResponseStatusException {

    SummaryNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "No summary or subject " + id);
    }
}
