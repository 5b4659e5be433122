package org.accord.shell;

import org.accord.notify.Notifications;
import org.accord.security.Role;
import org.accord.security.SignedInAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/** What the layout shows on every page: who is signed in, and their unread count. */
@ControllerAdvice
class LayoutAttributes {

    /**
     * The header's view of the account.
     *
     * @param seesBusiness whether the role works with business data (the directory, the calendar, matters);
     *     the security administrator and the auditor do not
     */
    record CurrentAccount(String displayName, String roleLabel, String role, boolean seesBusiness) {}

    private final MessageSource messages;
    private final Notifications notifications;

    LayoutAttributes(MessageSource messages, Notifications notifications) {
        this.messages = messages;
        this.notifications = notifications;
    }

    @ModelAttribute("currentAccount")
    @Nullable
    CurrentAccount currentAccount(@AuthenticationPrincipal @Nullable SignedInAccount account) {
        if (account == null) {
            return null;
        }
        String role = messages.getMessage(account.role().messageKey(), null, LocaleContextHolder.getLocale());
        boolean seesBusiness = account.role() != Role.SECADMIN && account.role() != Role.AUDITOR;
        return new CurrentAccount(account.displayName(), role, account.role().name(), seesBusiness);
    }

    /** The signed-in person's unread notices; {@code null} for accounts without a person (no inbox). */
    @ModelAttribute("unreadCount")
    @Nullable
    Object unreadCount(@AuthenticationPrincipal @Nullable SignedInAccount account) {
        if (account == null || account.personId() == null) {
            return null;
        }
        long personId = account.personId();
        // Counted only when a page's header reads it, not on every API or stream request.
        return new LazyContextVariable<Integer>() {
            @Override
            protected Integer loadValue() {
                return notifications.unreadCount(personId);
            }
        };
    }
}
