package org.accord.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The signed-in person's inbox. Another person's item does not exist for them (404). */
@Controller
@RequestMapping("/inbox")
class InboxController {

    static final int PAGE_SIZE = 30;

    private final InboxItems inbox;
    private final Deliveries deliveries;

    InboxController(InboxItems inbox, Deliveries deliveries) {
        this.inbox = inbox;
        this.deliveries = deliveries;
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable Long before, Model model, Authentication authentication) {
        Long personId = CurrentPerson.of(authentication);
        model.addAttribute("activeNav", "inbox");
        if (personId == null) {
            model.addAttribute("items", List.of());
            model.addAttribute("noPerson", true);
            return "notify/inbox";
        }
        List<InboxItem> items = inbox.page(personId, before, PAGE_SIZE + 1);
        boolean more = items.size() > PAGE_SIZE;
        List<InboxItem> page = more ? items.subList(0, PAGE_SIZE) : items;
        Map<Long, List<Delivery>> byItem = deliveries
                .ofItems(page.stream().map(InboxItem::id).toList())
                .stream()
                .collect(Collectors.groupingBy(Delivery::inboxId));
        model.addAttribute("items", page);
        model.addAttribute("deliveries", byItem);
        model.addAttribute("nextBefore", more ? page.get(page.size() - 1).id() : null);
        model.addAttribute("unread", inbox.unreadCount(personId));
        model.addAttribute("noPerson", false);
        return "notify/inbox";
    }

    /** Marks an item read and follows its link. */
    @PostMapping("/{id}/read")
    String read(@PathVariable long id, Authentication authentication) {
        long personId = CurrentPerson.required(authentication);
        InboxItem item = inbox.find(id, personId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        inbox.markRead(id, personId, Instant.now());
        String link = item.link();
        return "redirect:" + (link != null && Notice.isRelative(link) ? link : "/inbox");
    }

    @PostMapping("/read-all")
    String readAll(Authentication authentication) {
        long personId = CurrentPerson.required(authentication);
        inbox.markAllRead(personId, Instant.now());
        return "redirect:/inbox";
    }
}
