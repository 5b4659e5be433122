package org.accord.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * One thing done, as the audit trail records it. Any module publishes it with Spring's
 * {@code ApplicationEventPublisher} inside the transaction of the change it records; the event
 * publication registry keeps it with that transaction, and the audit module stores it after commit.
 *
 * @param at when it happened
 * @param actor who did it: a username, or {@code system} for the application itself
 * @param address the client's network address, if it came through a request
 * @param module the module that owns the object (e.g. {@code directory})
 * @param objectType the kind of object (e.g. {@code unit}, {@code account})
 * @param objectId the object's id or code, if there is one object
 * @param action what was done (e.g. {@code import}, {@code sign-in-failed}, {@code role-assigned})
 * @param unitId the unit the object concerns, for filtering, if any
 * @param before a short summary of the state before, if it changed
 * @param after a short summary of the state after
 */
public record Audited(
        Instant at,
        String actor,
        @Nullable String address,
        String module,
        String objectType,
        @Nullable String objectId,
        String action,
        @Nullable Long unitId,
        @Nullable String before,
        @Nullable String after) {

    /** Something done by whoever is signed in on the current request (or {@code system} outside one). */
    public static Audited now(
            String module,
            String objectType,
            @Nullable String objectId,
            String action,
            @Nullable Long unitId,
            @Nullable String before,
            @Nullable String after) {
        return new Audited(
                Instant.now(),
                currentActor(),
                currentAddress(),
                module,
                objectType,
                objectId,
                action,
                unitId,
                before,
                after);
    }

    /** Something done by a named actor, e.g. a sign-in attempt before anyone is signed in. */
    public static Audited by(
            String actor,
            String module,
            String objectType,
            @Nullable String objectId,
            String action,
            @Nullable String before,
            @Nullable String after) {
        return new Audited(
                Instant.now(), actor, currentAddress(), module, objectType, objectId, action, null, before, after);
    }

    /**
     * The same deed, finished now with its outcome: for work that is asked for on a request (who and from
     * where) and done later on a background thread (what it changed).
     */
    public Audited completed(@Nullable String before, @Nullable String after) {
        return new Audited(Instant.now(), actor, address, module, objectType, objectId, action, unitId, before, after);
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "system" : authentication.getName();
    }

    private static @Nullable String currentAddress() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getRemoteAddr();
        }
        return null;
    }
}
