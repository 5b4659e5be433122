package org.accord.notify;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ResponseStatusException;

/** The directory person behind the signed-in account, through {@link Recipient}. */
final class CurrentPerson {

    private CurrentPerson() {}

    static @Nullable Long of(@Nullable Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof Recipient recipient) {
            return recipient.personId();
        }
        return null;
    }

    /** The person, or 404 for accounts without one (administrators): they have no inbox. */
    static long required(@Nullable Authentication authentication) {
        Long personId = of(authentication);
        if (personId == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return personId;
    }
}
