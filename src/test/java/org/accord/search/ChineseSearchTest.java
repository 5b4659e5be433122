package org.accord.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.accord.security.DataScope;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis and the ranking on real Chinese office text, with the index alone (no application context). */
class ChineseSearchTest {

    static final long ZJJ = 11;
    static final long CGJ = 12;
    static final long SLJ = 13;
    static final DataScope OFFICE = new DataScope(DataScope.Kind.OFFICE, 1L, Set.of());

    @TempDir
    Path directory;

    LuceneSearchIndex index;

    @BeforeEach
    void open() throws IOException {
        index = new LuceneSearchIndex(directory.toString(), 16, 16);
        add(
                SearchKind.CASE,
                "1",
                "12345-20261127-000001 排水 东城区解放路",
                "暴雨后解放路口积水严重，排水管网堵塞，污水外溢到人行道。",
                "12345-20261127-000001",
                List.of("周海燕"),
                Set.of(CGJ),
                "DRAIN-SEWAGE",
                0);
        add(
                SearchKind.DOCUMENT,
                "2",
                "关于做好城市内涝防治工作的通知",
                "各区人民政府、市住建局、市城管局：入汛以来，城市内涝风险加大。请排查排水管网，清理雨水口。",
                "示政办发〔2026〕12号",
                List.of("陈志华"),
                Set.of(ZJJ, CGJ),
                "NOTICE",
                Searchable.Authority.ISSUED_DOCUMENT);
        add(
                SearchKind.INCIDENT,
                "3",
                "西湖区老旧楼房倒塌",
                "文一路一处老旧楼房局部倒塌，2人受伤，消防救援支队已到场。城市内涝影响不大。",
                null,
                List.of("李明"),
                Set.of(SLJ),
                "ACCIDENT",
                0);
        add(
                SearchKind.CASE,
                "4",
                "12345-20261127-000004 噪音 和平路工地",
                "工地夜间施工到凌晨，噪音扰民，住建局未答复。",
                "12345-20261127-000004",
                List.of("张建国"),
                Set.of(ZJJ),
                "NOISE",
                0);
        add(
                SearchKind.DECISION,
                "5:1",
                "城市防汛专题会议",
                "由市住建局牵头，市城管局配合，汛前完成全市排水管网清淤。",
                null,
                List.of(),
                Set.of(ZJJ),
                "SPECIAL",
                Searchable.Authority.DECISION);
        index.refresh();
    }

    @AfterEach
    void close() throws IOException {
        index.destroy();
    }

    void add(
            SearchKind kind,
            String id,
            String title,
            String body,
            String reference,
            List<String> people,
            Set<Long> units,
            String category,
            int authority) {
        index.replace(
                kind,
                id,
                List.of(new Searchable(
                        kind,
                        id,
                        id,
                        title,
                        body,
                        reference,
                        people,
                        units,
                        SearchVisibility.officeAnd(units),
                        category,
                        Instant.parse("2026-11-2" + id.charAt(0) + "T02:00:00Z"),
                        "/x/" + id,
                        authority)));
    }

    static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }

    List<String> ids(String text) {
        return index.find(query(text), OFFICE).hits().stream()
                .map(SearchHit::id)
                .toList();
    }

    static SearchQuery query(String text) {
        return new SearchQuery(text, Set.of(), null, null, null, 0, 20);
    }

    @Test
    void smartCnFindsWordsAndThePairsKeepWhatItSplits() throws IOException {
        ChineseAnalysis analysis = new ChineseAnalysis();
        // SmartCN alone: 排水管网 becomes 排水管 / 网, so the word 排水 would not find it; the pairs do (below).
        assertThat(tokens(analysis.words(), ChineseAnalysis.BODY, "城市内涝排水管网")).containsExactly("城市", "内涝", "排水管", "网");
        // SmartCN does not know the short name of the housing bureau and cuts it into pieces ...
        assertThat(tokens(analysis.words(), ChineseAnalysis.BODY, "住建局")).doesNotContain("住建局");
        // ... the pairs keep it whole enough: 住建 and 建局 side by side.
        assertThat(tokens(analysis.querying(), ChineseAnalysis.BODY_PAIRS, "住建局"))
                .containsExactly("住建", "建局");
        assertThat(tokens(analysis.indexing(), ChineseAnalysis.BODY_PAIRS, "楼房"))
                .containsExactly("楼", "楼房", "房");
    }

    @Test
    void wordsAreFoundAsTheyAreWrittenAndTheTitleRanksFirst() {
        assertThat(ids("排水")).containsExactlyInAnyOrder("1", "2", "5:1");
        assertThat(ids("城市内涝")).first().isEqualTo("2");
        assertThat(ids("城市内涝")).contains("3");
        assertThat(ids("排水管网")).containsExactlyInAnyOrder("1", "2", "5:1");
        assertThat(ids("污水外溢")).containsExactly("1");
        assertThat(ids("楼房倒塌")).containsExactly("3");
        // Characters apart do not make the word: 内 and 涝 in other places are not 内涝.
        assertThat(ids("倒涝")).isEmpty();
        // Every part must be there.
        assertThat(ids("排水管网 清淤")).containsExactly("5:1");
    }

    @Test
    void unitNamesAndPeopleAreFoundThoughTheDictionaryDoesNotKnowThem() {
        assertThat(ids("住建局")).containsExactlyInAnyOrder("2", "4", "5:1");
        assertThat(ids("城管局")).containsExactlyInAnyOrder("2", "5:1");
        assertThat(ids("周海燕")).containsExactly("1");
        assertThat(ids("陈志华")).containsExactly("2");
    }

    @Test
    void numbersAreFoundHoweverTheBracketsAreTyped() {
        assertThat(ids("示政办发〔2026〕12号")).first().isEqualTo("2");
        assertThat(ids("示政办发[2026]12号")).first().isEqualTo("2");
        assertThat(ids("示政办发（2026）12号")).first().isEqualTo("2");
        assertThat(ids("〔2026〕12号")).first().isEqualTo("2");
        assertThat(ids("12345-20261127-000004")).first().isEqualTo("4");
        assertThat(ids("000004")).containsExactly("4");
    }

    @Test
    void aUnitsScopeLimitsHitsTotalsCountsAndSnippets() {
        DataScope water = new DataScope(DataScope.Kind.UNIT, 7L, Set.of(SLJ));
        SearchResults results = index.find(query("城市内涝"), water);
        assertThat(results.hits()).extracting(SearchHit::id).containsExactly("3");
        assertThat(results.total()).isEqualTo(1);
        assertThat(results.countsByKind()).containsOnlyKeys(SearchKind.INCIDENT);
        assertThat(index.find(query("排水管网"), water).total()).isZero();
        assertThat(index.find(query("排水管网"), new DataScope(DataScope.Kind.NONE, null, Set.of()))
                        .total())
                .isZero();
        DataScope leader = new DataScope(DataScope.Kind.LEADER, 99L, Set.of(ZJJ));
        assertThat(index.find(query("排水管网"), leader).hits())
                .extracting(SearchHit::id)
                .containsExactlyInAnyOrder("2", "5:1");
    }

    @Test
    void filtersByKindUnitAndPeriodAndCountsPerKind() {
        SearchResults all = index.find(query("排水管网"), OFFICE);
        assertThat(all.countsByKind())
                .containsEntry(SearchKind.CASE, 1L)
                .containsEntry(SearchKind.DOCUMENT, 1L)
                .containsEntry(SearchKind.DECISION, 1L);
        assertThat(index.find(new SearchQuery("排水管网", Set.of(SearchKind.CASE), null, null, null, 0, 20), OFFICE)
                        .hits())
                .extracting(SearchHit::id)
                .containsExactly("1");
        assertThat(index.find(new SearchQuery("排水管网", Set.of(), ZJJ, null, null, 0, 20), OFFICE)
                        .hits())
                .extracting(SearchHit::id)
                .containsExactlyInAnyOrder("2", "5:1");
        // Item 2 is dated 2026-11-22 (Beijing time), item 5:1 2026-11-25.
        assertThat(index.find(
                                new SearchQuery(
                                        "排水管网",
                                        Set.of(),
                                        null,
                                        LocalDate.of(2026, 11, 22),
                                        LocalDate.of(2026, 11, 22),
                                        0,
                                        20),
                                OFFICE)
                        .hits())
                .extracting(SearchHit::id)
                .containsExactly("2");
    }

    @Test
    void snippetsAreEscapedWithOnlyMarksAdded() {
        index.replace(
                SearchKind.CASE,
                "9",
                List.of(new Searchable(
                        SearchKind.CASE,
                        "9",
                        "9",
                        "井盖缺失",
                        "路口井盖缺失<img src=x onerror=alert(1)>，行人易跌落。",
                        null,
                        List.of(),
                        Set.of(CGJ),
                        SearchVisibility.officeAnd(Set.of(CGJ)),
                        null,
                        null,
                        "/x/9",
                        0)));
        index.refresh();
        SearchHit hit = index.find(query("井盖"), OFFICE).hits().get(0);
        assertThat(hit.snippet())
                .contains("<mark>井盖</mark>")
                .contains("&lt;img")
                .doesNotContain("<img");
    }

    @Test
    void similarPrefersTheSameUnitsAndGivesAuthority() {
        List<SearchHit> similar =
                index.similar(new SimilarQuery("关于汛前清理排水管网、防治城市内涝的通知", Set.of(), Set.of(ZJJ), "NOTICE", 5), OFFICE);
        assertThat(similar).isNotEmpty();
        assertThat(similar.get(0).id()).isEqualTo("2");
        assertThat(similar.get(0).authority()).isEqualTo(Searchable.Authority.ISSUED_DOCUMENT);
        assertThat(similar.get(0).at()).isNotNull();
        List<SearchHit> decisions =
                index.similar(new SimilarQuery("排水管网清淤", Set.of(SearchKind.DECISION), Set.of(), null, 5), OFFICE);
        assertThat(decisions).extracting(SearchHit::id).containsExactly("5:1");
        assertThat(index.similar(
                        new SimilarQuery("排水管网清淤", Set.of(), Set.of(), null, 5),
                        new DataScope(DataScope.Kind.UNIT, 7L, Set.of(SLJ))))
                .noneMatch(h -> !h.unitIds().contains(SLJ));
    }

    @Test
    void replacingAnItemForgetsItsOldWords() {
        add(
                SearchKind.CASE,
                "1",
                "12345-20261127-000001 排水",
                "井盖破损，已修复。",
                "12345-20261127-000001",
                List.of(),
                Set.of(CGJ),
                null,
                0);
        index.refresh();
        assertThat(ids("污水外溢")).isEmpty();
        assertThat(ids("井盖破损")).containsExactly("1");
    }
}
