package org.accord.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.accord.audit.AuditedObjects;
import org.accord.security.DataScope;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The index follows the database: catching up after being closed while changes were made, a rebuild from
 * scratch with progress, and the results page as each role sees it.
 */
@IntegrationTest
class SearchIndexingIntegrationTest {

    static final DataScope OFFICE = new DataScope(DataScope.Kind.OFFICE, null, Set.of());

    @Autowired
    MockMvc mvc;

    @Autowired
    List<SearchSource> sources;

    @Autowired
    AuditedObjects audited;

    @Autowired
    SearchIndexer indexer;

    @Autowired
    SearchRebuildCommand command;

    @TempDir
    Path directory;

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A case taken in through the API by the hotline office; its id. */
    static String takeCase(MockMvc mvc, String description) throws Exception {
        MockHttpSession office = SignIn.as(mvc, "qianhaitao");
        String body = mvc.perform(post("/api/cases")
                        .session(office)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of(
                                "callerName", "吴志强",
                                "phone", "13600002222",
                                "confidential", false,
                                "address", "东城区建设路9号",
                                "district", "DCQ",
                                "category", "DRAIN-SEWAGE",
                                "urgent", false,
                                "description", description))))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JSON.readTree(body).get("id").asText();
    }

    static List<String> ids(SearchIndex index, String text) {
        return index.find(new SearchQuery(text, Set.of(), null, null, null, 0, 50), OFFICE).hits().stream()
                .map(SearchHit::id)
                .toList();
    }

    @Test
    void anIndexClosedWhileChangesWereMadeCatchesUpWhenOpenedAgain() throws Exception {
        LuceneSearchIndex closed = new LuceneSearchIndex(directory.toString(), 16, 16);
        SearchIndexer first = new SearchIndexer(
                closed, sources, audited, Duration.ZERO, Duration.ofHours(1), Duration.ZERO, Duration.ofMinutes(1), 2);
        first.rebuild(progress -> {});
        long before = closed.size();
        assertThat(before).isPositive();
        first.destroy();
        closed.destroy();

        long mark = audited.lastRecordId();
        String id = takeCase(mvc, "雨水篦子被落叶堵死，门前低洼处积水没过脚踝。");
        // The audit trail records after commit, on its own thread.
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (audited.after(mark, 100).stream().noneMatch(o -> id.equals(o.objectId()))) {
            assertThat(System.nanoTime()).as("audited within 15 s").isLessThan(until);
            Thread.sleep(100);
        }

        LuceneSearchIndex reopened = new LuceneSearchIndex(directory.toString(), 16, 16);
        SearchIndexer second = new SearchIndexer(
                reopened,
                sources,
                audited,
                Duration.ZERO,
                Duration.ofHours(1),
                Duration.ZERO,
                Duration.ofMinutes(1),
                2);
        try {
            assertThat(reopened.checkpoint()).isNotNull();
            assertThat(ids(reopened, "雨水篦子")).doesNotContain(id);
            assertThat(second.catchUp()).isPositive();
            assertThat(ids(reopened, "雨水篦子")).contains(id);
            assertThat(reopened.size()).isGreaterThan(before);
        } finally {
            second.destroy();
            reopened.destroy();
        }
    }

    @Test
    void theRebuildReadsEverySourceAndReportsProgress() {
        long expected = sources.stream().mapToLong(SearchSource::count).sum();
        List<SearchIndexer.RebuildProgress> seen = new ArrayList<>();
        SearchIndexer.RebuildProgress done = indexer.rebuild(seen::add);
        assertThat(done.total()).isEqualTo(expected);
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(seen.size() - 1).done()).isEqualTo(done.done());
        assertThat(sources)
                .extracting(SearchSource::kind)
                .contains(
                        SearchKind.CASE,
                        SearchKind.DOCUMENT,
                        SearchKind.MATTER,
                        SearchKind.MEETING,
                        SearchKind.INCIDENT);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(command.rebuild(new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Done: ").contains("items");
    }

    @Test
    void theResultsPageShowsEachRoleItsOwnAndEscapesWhatUsersTyped() throws Exception {
        String id = takeCase(mvc, "下水道返味<b onmouseover=alert(1)>很重</b>，井盖松动。");
        MockHttpSession office = SignIn.as(mvc, "qianhaitao");
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String page;
        do {
            assertThat(System.nanoTime()).as("found within 15 s").isLessThan(until);
            Thread.sleep(100);
            page = mvc.perform(get("/search").param("q", "下水道返味").session(office))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
        } while (!page.contains("/cases/" + id));
        assertThat(page)
                .contains("<mark>下水道返味</mark>")
                .contains("&lt;b onmouseover")
                .doesNotContain("<b onmouseover");

        String liaison = mvc.perform(get("/search").param("q", "污水").session(SignIn.as(mvc, "weilijuan")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(liaison).doesNotContain("文一路88号");
        String water = mvc.perform(get("/search").param("q", "污水").session(SignIn.as(mvc, "yuanying")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(water).contains("文一路88号");

        String bad = mvc.perform(
                        get("/search").param("q", "污水").param("from", "昨天").session(office))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("查询条件有误");
    }
}
