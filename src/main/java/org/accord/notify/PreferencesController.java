package org.accord.notify;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.accord.audit.Audited;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Each person chooses, per kind of notice, e-mail and SMS besides the inbox, and quiet hours. */
@Controller
@RequestMapping("/notify/preferences")
class PreferencesController {

    /** One row of the form. */
    record KindRow(String kind, String label, boolean email, boolean sms) {}

    private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final int MAX_KINDS = 200;

    private final Preferences preferences;
    private final InboxItems inbox;
    private final NotifyProperties properties;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    PreferencesController(
            Preferences preferences,
            InboxItems inbox,
            NotifyProperties properties,
            MessageSource messages,
            ApplicationEventPublisher events) {
        this.preferences = preferences;
        this.inbox = inbox;
        this.properties = properties;
        this.messages = messages;
        this.events = events;
    }

    @GetMapping
    String show(Model model, Authentication authentication) {
        long personId = CurrentPerson.required(authentication);
        fill(model, personId);
        return "notify/preferences";
    }

    @PostMapping
    @Transactional
    String save(
            @RequestParam(name = "kind", required = false) @Nullable List<String> kinds,
            @RequestParam(name = "email", required = false) @Nullable List<String> email,
            @RequestParam(name = "sms", required = false) @Nullable List<String> sms,
            @RequestParam(name = "quiet", defaultValue = "false") boolean quiet,
            @RequestParam(name = "quietStart", required = false) @Nullable String quietStart,
            @RequestParam(name = "quietEnd", required = false) @Nullable String quietEnd,
            Model model,
            HttpServletResponse response,
            Authentication authentication) {
        long personId = CurrentPerson.required(authentication);
        Optional<QuietHours> hours = Optional.empty();
        if (quiet) {
            try {
                hours = Optional.of(new QuietHours(time(quietStart), time(quietEnd)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("quietError", true);
                fill(model, personId);
                return "notify/preferences";
            }
        }
        Set<String> emailOn = email == null ? Set.of() : Set.copyOf(email);
        Set<String> smsOn = sms == null ? Set.of() : Set.copyOf(sms);
        Instant now = Instant.now();
        if (kinds != null) {
            kinds.stream()
                    .filter(kind -> KIND.matcher(kind).matches())
                    .distinct()
                    .limit(MAX_KINDS)
                    .forEach(kind -> preferences.choose(
                            personId, kind, new ChannelChoice(emailOn.contains(kind), smsOn.contains(kind)), now));
        }
        preferences.setQuietHours(personId, hours, now);
        events.publishEvent(Audited.now(
                "notify",
                "preferences",
                String.valueOf(personId),
                "preferences-changed",
                null,
                null,
                "email=" + emailOn + "; sms=" + smsOn + "; quiet="
                        + hours.map(QuietHours::toString).orElse("none")));
        return "redirect:/notify/preferences?saved";
    }

    private void fill(Model model, long personId) {
        Map<String, ChannelChoice> chosen = preferences.choicesOf(personId);
        Set<String> kinds = new LinkedHashSet<>(properties.kinds());
        kinds.addAll(inbox.kindsOf(personId));
        kinds.addAll(chosen.keySet());
        model.addAttribute(
                "rows",
                kinds.stream()
                        .map(kind -> {
                            ChannelChoice choice = chosen.getOrDefault(kind, ChannelChoice.DEFAULT);
                            return new KindRow(kind, label(kind), choice.email(), choice.sms());
                        })
                        .toList());
        Optional<QuietHours> quiet = preferences.quietHoursOf(personId);
        model.addAttribute("quiet", quiet.isPresent());
        model.addAttribute("quietStart", quiet.map(QuietHours::start).orElse(LocalTime.of(22, 0)));
        model.addAttribute("quietEnd", quiet.map(QuietHours::end).orElse(LocalTime.of(7, 0)));
        model.addAttribute("activeNav", "inbox");
    }

    private String label(String kind) {
        return messages.getMessage("notify.kind." + kind, null, kind, LocaleContextHolder.getLocale());
    }

    private static LocalTime time(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing time");
        }
        return LocalTime.parse(text.strip());
    }
}
