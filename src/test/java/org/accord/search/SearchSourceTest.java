package org.accord.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** How a source reads the audited object's id: a number loads, anything else is an object that is not there. */
class SearchSourceTest {

    private static final Searchable CASE_12 = new Searchable(
            SearchKind.CASE,
            "12",
            "12",
            "解放路口积水",
            "暴雨后排水管网堵塞。",
            "12345-20261127-000012",
            List.of(),
            Set.of(),
            SearchVisibility.officeAnd(Set.of()),
            null,
            null,
            "/cases/12",
            Searchable.Authority.NONE);

    private final Map<Long, Searchable> table = Map.of(12L, CASE_12);
    private final List<Long> asked = new ArrayList<>();

    private final LongFunction<List<Searchable>> load = id -> {
        asked.add(id);
        Searchable item = table.get(id);
        return item == null ? List.of() : List.of(item);
    };

    @Test
    void aNumberLoadsTheObjectWithThatId() {
        assertThat(SearchSource.fromNumericId("12", load)).containsExactly(CASE_12);
        assertThat(asked).containsExactly(12L);
    }

    @Test
    void anObjectThatIsGoneGivesNoItems() {
        assertThat(SearchSource.fromNumericId("13", load)).isEmpty();
        assertThat(asked).containsExactly(13L);
    }

    @Test
    void anIdThatIsNotANumberGivesNoItemsWithoutReadingAnything() {
        for (String id : List.of("", "abc", "12a", " 12", "minutes-12", "1.5", "99999999999999999999")) {
            assertThat(SearchSource.fromNumericId(id, load)).as(id).isEmpty();
        }
        assertThat(asked).isEmpty();
    }

    @Test
    void whatTheLoaderThrowsIsNotTakenForAWrongId() {
        LongFunction<List<Searchable>> broken = id -> {
            throw new NumberFormatException("unit_ids: x");
        };
        assertThatThrownBy(() -> SearchSource.fromNumericId("12", broken))
                .isInstanceOf(NumberFormatException.class)
                .hasMessage("unit_ids: x");
    }
}
