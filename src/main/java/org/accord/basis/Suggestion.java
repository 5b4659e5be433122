package org.accord.basis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.accord.search.SearchHit;
import org.accord.search.SearchKind;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * An item offered as a basis, with its passage split into plain text and the words that matched, so that the page
 * escapes every character itself.
 */
record Suggestion(
        SearchKind kind,
        String id,
        String title,
        @Nullable String reference,
        List<Passage> excerpt,
        String url,
        @Nullable Instant at,
        boolean cited) {

    record Passage(String text, boolean matched) {}

    static Suggestion of(SearchHit hit, boolean cited) {
        return new Suggestion(
                hit.kind(),
                hit.id(),
                hit.title(),
                hit.reference(),
                passages(hit.snippet()),
                hit.url(),
                hit.at(),
                cited);
    }

    /** The search module marks the words found with {@code <mark>} in escaped text; nothing else is markup. */
    static List<Passage> passages(String snippet) {
        List<Passage> passages = new ArrayList<>();
        int at = 0;
        while (at < snippet.length()) {
            int open = snippet.indexOf("<mark>", at);
            if (open < 0) {
                add(passages, snippet.substring(at), false);
                break;
            }
            add(passages, snippet.substring(at, open), false);
            int close = snippet.indexOf("</mark>", open);
            if (close < 0) {
                add(passages, snippet.substring(open + 6), true);
                break;
            }
            add(passages, snippet.substring(open + 6, close), true);
            at = close + 7;
        }
        return passages;
    }

    static String plain(String snippet) {
        StringBuilder text = new StringBuilder();
        passages(snippet).forEach(p -> text.append(p.text()));
        return text.toString();
    }

    private static void add(List<Passage> passages, String escaped, boolean matched) {
        if (!escaped.isEmpty()) {
            passages.add(new Passage(HtmlUtils.htmlUnescape(escaped.replaceAll("<[^>]*>", "")), matched));
        }
    }
}
