package org.accord.basis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.accord.search.SearchHit;
import org.accord.search.SearchKind;
import org.junit.jupiter.api.Test;

/** What the coordinator sees first among the bases that bear on a text. */
class BasisRankingTest {

    @Test
    void theMostAuthoritativeComeFirstAndAmongEqualsTheNewest() {
        SearchHit oldDocument = hit(SearchKind.DOCUMENT, "1", 3.5, "2026-03-01T00:00:00Z", 3);
        SearchHit newDocument = hit(SearchKind.DOCUMENT, "2", 4.0, "2026-09-01T00:00:00Z", 3);
        SearchHit decision = hit(SearchKind.DECISION, "3", 9.0, "2026-10-01T00:00:00Z", 2);
        SearchHit instruction = hit(SearchKind.INSTRUCTION, "4", 8.0, "2026-11-01T00:00:00Z", 1);

        List<SearchHit> ranked = Bases.ranked(List.of(instruction, oldDocument, decision, newDocument), 9.0);

        assertThat(ranked).extracting(SearchHit::id).containsExactly("2", "1", "3", "4");
    }

    @Test
    void hitsFarBelowTheBestAreNoiseAndLeftOut() {
        SearchHit strong = hit(SearchKind.INSTRUCTION, "1", 10.0, "2026-11-01T00:00:00Z", 1);
        SearchHit weakButAuthoritative = hit(SearchKind.DOCUMENT, "2", 3.0, "2026-11-02T00:00:00Z", 3);

        assertThat(Bases.ranked(List.of(strong, weakButAuthoritative), 10.0))
                .extracting(SearchHit::id)
                .containsExactly("1");
    }

    @Test
    void theMatchedWordsAreKeptApartAndEverythingElseIsPlainText() {
        List<Suggestion.Passage> passages = Suggestion.passages("由&lt;b&gt;住建局&lt;/b&gt;牵头<mark>排水</mark>管网<mark>维护");

        assertThat(passages)
                .containsExactly(
                        new Suggestion.Passage("由<b>住建局</b>牵头", false),
                        new Suggestion.Passage("排水", true),
                        new Suggestion.Passage("管网", false),
                        new Suggestion.Passage("维护", true));
        assertThat(Suggestion.plain("<mark>排水</mark>管网 &amp; 泵站")).isEqualTo("排水管网 & 泵站");
    }

    @Test
    void onlyPagesOfThisApplicationAreGoneBackTo() {
        assertThat(BasisController.local("/cases/12#x")).isEqualTo("/cases/12");
        assertThat(BasisController.local("https://example.org/")).isEqualTo("/");
        assertThat(BasisController.local("//example.org/")).isEqualTo("/");
        assertThat(BasisController.local("/\\example.org")).isEqualTo("/");
    }

    private static SearchHit hit(SearchKind kind, String id, double score, String at, int authority) {
        return new SearchHit(
                kind, id, "标题" + id, "", "/x/" + id, Instant.parse(at), score, Set.of(), null, "文号", authority);
    }
}
