package org.accord.notify;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The signed-in person's event stream (server-sent events): {@code inbox} events for new items, with the
 * item id as the event id, and {@code live} events. A browser that reconnects sends {@code Last-Event-ID}
 * ({@code ?since=} does the same for clients that cannot set headers) and first gets what it missed.
 */
@RestController
class StreamController {

    private final LiveStream stream;

    StreamController(LiveStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/notify/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream(
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            @RequestParam(required = false) @Nullable Long since,
            Authentication authentication) {
        Long personId = CurrentPerson.of(authentication);
        if (personId == null) {
            // 204 tells EventSource not to reconnect: accounts without a person have no inbox.
            return ResponseEntity.noContent().build();
        }
        Long after = parse(lastEventId);
        if (after == null) {
            after = since;
        }
        return ResponseEntity.ok().header("X-Accel-Buffering", "no").body(stream.open(personId, after));
    }

    private static @Nullable Long parse(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(id.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
