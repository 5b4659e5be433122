package org.accord.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.accord.security.DataScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rebuild on several threads and the office's search without a visibility filter, with the index alone (no
 * application context): every item of every source arrives once, a batch that cannot be indexed stops the rebuild
 * without marking the index complete, an item hidden from the office stays hidden, and a look at the audit log
 * that failed is made again at the next one.
 */
class SearchRebuildTest {

    static final DataScope OFFICE = new DataScope(DataScope.Kind.OFFICE, 1L, Set.of());

    @TempDir
    Path directory;

    LuceneSearchIndex index;

    @BeforeEach
    void open() throws IOException {
        index = new LuceneSearchIndex(directory.toString(), 16, 32);
    }

    @AfterEach
    void close() throws IOException {
        index.destroy();
    }

    @Test
    void everyItemOfEverySourceIsIndexedOnceOnSeveralThreads() {
        List<SearchIndexer.RebuildProgress> reported = new ArrayList<>();
        SearchIndexer.RebuildProgress done = SearchIndexer.rebuild(
                index,
                List.of(new Numbered(SearchKind.CASE, 1_234, -1), new Numbered(SearchKind.DOCUMENT, 567, -1)),
                3,
                new SearchIndex.Checkpoint(42, 1_000),
                reported::add);

        assertThat(done.done()).isEqualTo(1_801);
        assertThat(index.size()).isEqualTo(1_801);
        assertThat(index.checkpoint()).isEqualTo(new SearchIndex.Checkpoint(42, 1_000));
        assertThat(reported).isNotEmpty();
        assertThat(reported).allSatisfy(p -> assertThat(p.total()).isEqualTo(1_801));
        assertThat(reported.get(reported.size() - 1).done()).isEqualTo(1_801);
        SearchResults cases = index.find(query("排水管网"), OFFICE);
        assertThat(cases.countsByKind())
                .containsEntry(SearchKind.CASE, 1_234L)
                .containsEntry(SearchKind.DOCUMENT, 567L);
        assertThat(cases.total()).isEqualTo(1_801);
        assertThat(index.find(query("12345-000777"), OFFICE).hits().get(0).id()).isEqualTo("777");
        assertThat(index.find(query("12345-000567"), OFFICE).hits().stream()
                        .map(h -> h.kind() + ":" + h.id())
                        .limit(2))
                .containsExactlyInAnyOrder("CASE:567", "DOCUMENT:567");
    }

    @Test
    void aBatchThatCannotBeIndexedStopsTheRebuildAndLeavesTheIndexIncomplete() {
        assertThatThrownBy(() -> SearchIndexer.rebuild(
                        index,
                        List.of(new Numbered(SearchKind.CASE, 5_000, 1_500)),
                        2,
                        new SearchIndex.Checkpoint(42, 1_000),
                        p -> {}))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(index.checkpoint()).isNull();
    }

    @Test
    void aRebuildThatFailedInsideTheApplicationIsNotMarkedCompleteByTheNextCommit() throws Exception {
        org.accord.audit.AuditedObjects audited = org.mockito.Mockito.mock(org.accord.audit.AuditedObjects.class);
        org.mockito.Mockito.when(audited.lastRecordId()).thenReturn(42L);
        SearchIndexer indexer = indexer(index, new Numbered(SearchKind.CASE, 5_000, 1_500), audited);
        try {
            assertThatThrownBy(() -> indexer.rebuild(p -> {})).isInstanceOf(IllegalArgumentException.class);
            assertThat(index.size()).as("part of it was indexed").isPositive();

            indexer.commitIfChanged();

            assertThat(index.checkpoint())
                    .as("a half-built index stays incomplete")
                    .isNull();
        } finally {
            indexer.destroy();
        }
    }

    @Test
    void aStartWhileTheDatabaseIsGoneCatchesUpWhenItIsBack() throws Exception {
        org.accord.audit.AuditedObjects audited = org.mockito.Mockito.mock(org.accord.audit.AuditedObjects.class);
        org.mockito.Mockito.when(audited.lastRecordId())
                .thenThrow(new org.springframework.dao.DataAccessResourceFailureException("connection refused"))
                .thenReturn(42L);
        SearchIndexer indexer = new SearchIndexer(
                index,
                List.of(new Numbered(SearchKind.CASE, 300, -1)),
                audited,
                java.time.Duration.ZERO,
                java.time.Duration.ofMillis(200),
                java.time.Duration.ZERO,
                java.time.Duration.ofMinutes(1),
                2);
        try {
            indexer.atStart(started());
            assertThat(index.checkpoint()).as("nothing could be read yet").isNull();

            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(index.checkpoint()).isNotNull());
            assertThat(index.size()).isEqualTo(300);
        } finally {
            indexer.destroy();
        }
    }

    @Test
    void aCompleteIndexServesAtOnceAndCatchesUpBehindTheStart() throws Exception {
        org.accord.audit.AuditedObjects audited = org.mockito.Mockito.mock(org.accord.audit.AuditedObjects.class);
        org.mockito.Mockito.when(audited.lastRecordId()).thenReturn(42L, 99L);
        var start = started();
        SearchIndexer first = indexer(index, new Numbered(SearchKind.CASE, 200, -1), audited);
        first.atStart(start);
        assertThat(index.checkpoint())
                .as("a new index is built before the start ends")
                .isNotNull();
        assertThat(index.checkpoint().auditId()).isEqualTo(42L);
        first.destroy();

        // Restarted: what was audited since the mark is read behind the start, then committed with a new mark.
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        org.mockito.Mockito.when(audited.lastRecordIdBefore(org.mockito.ArgumentMatchers.any()))
                .thenReturn(42L);
        org.mockito.Mockito.when(
                        audited.after(org.mockito.ArgumentMatchers.anyLong(), org.mockito.ArgumentMatchers.anyInt()))
                .thenAnswer(call -> {
                    reading.await(20, java.util.concurrent.TimeUnit.SECONDS);
                    return List.of();
                });
        SearchIndexer second = indexer(index, new Numbered(SearchKind.CASE, 200, -1), audited);
        try {
            second.atStart(start);
            assertThat(index.checkpoint().auditId())
                    .as("the start did not wait for the catch-up")
                    .isEqualTo(42L);
            reading.countDown();
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .untilAsserted(
                            () -> assertThat(index.checkpoint().auditId()).isEqualTo(99L));
        } finally {
            second.destroy();
        }
    }

    @Test
    void aLookAtTheAuditLogThatFailsIsTriedAgainAtTheNextLook() throws Exception {
        org.accord.audit.AuditedObjects audited = org.mockito.Mockito.mock(org.accord.audit.AuditedObjects.class);
        org.mockito.Mockito.when(audited.lastRecordId()).thenReturn(42L);
        org.mockito.Mockito.when(audited.after(42L, 1000))
                .thenThrow(new org.springframework.dao.DataAccessResourceFailureException("connection refused"))
                .thenReturn(List.of(new org.accord.audit.AuditedObjects.AuditedObject(43, "cases", "case", "9001")));
        SearchSource cases = casesNamedInTheLog(new Numbered(SearchKind.CASE, 3, -1));
        SearchIndexer indexer = indexer(index, cases, audited);
        try {
            indexer.atStart(started());
            assertThat(index.size()).isEqualTo(3);

            indexer.followLog();
            index.refresh();
            assertThat(index.find(query("12345-009001"), OFFICE).total())
                    .as("the database was gone")
                    .isZero();

            indexer.followLog();
            index.refresh();
            assertThat(index.find(query("12345-009001"), OFFICE).hits())
                    .extracting(SearchHit::id)
                    .containsExactly("9001");
        } finally {
            indexer.destroy();
        }
    }

    @Test
    void anItemHiddenFromTheOfficeStaysHiddenFromIt() {
        long leader = 77;
        index.replace(SearchKind.CASE, "1", List.of(item(SearchKind.CASE, 1, visibleTo(true, leader))));
        index.replace(SearchKind.BRIEF, "2", List.of(item(SearchKind.BRIEF, 2, visibleTo(false, leader))));
        index.refresh();

        assertThat(index.find(query("排水管网"), OFFICE).hits())
                .extracting(SearchHit::id)
                .containsExactly("1");
        assertThat(index.find(query("排水管网"), OFFICE).total()).isEqualTo(1);
        assertThat(index.find(query(""), OFFICE).total()).isEqualTo(1);
        assertThat(index.find(query("排水管网"), new DataScope(DataScope.Kind.LEADER, leader, Set.of()))
                        .hits())
                .extracting(SearchHit::id)
                .containsExactlyInAnyOrder("1", "2");
    }

    static SearchVisibility visibleTo(boolean office, long person) {
        return new SearchVisibility(office, Set.of(), Set.of(), Set.of(person));
    }

    static SearchQuery query(String text) {
        return new SearchQuery(text, Set.of(), null, null, null, 0, 20);
    }

    static Searchable item(SearchKind kind, long i, SearchVisibility visibility) {
        return new Searchable(
                kind,
                String.valueOf(i),
                String.valueOf(i),
                "解放路口积水 " + i,
                "暴雨后排水管网堵塞，污水外溢。",
                "12345-" + String.format("%06d", i),
                List.of(),
                Set.of(11L),
                visibility,
                null,
                Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i),
                "/x/" + i,
                0);
    }

    /** Items 1…3 of a rebuild, and the cases the audit log names, each read by its number. */
    private static SearchSource casesNamedInTheLog(Numbered all) {
        return new SearchSource() {
            @Override
            public SearchKind kind() {
                return SearchKind.CASE;
            }

            @Override
            public boolean handles(String module, String objectType) {
                return module.equals("cases") && objectType.equals("case");
            }

            @Override
            public List<Searchable> from(String objectId) {
                return List.of(
                        item(SearchKind.CASE, Long.parseLong(objectId), SearchVisibility.officeAnd(Set.of(11L))));
            }

            @Override
            public long count() {
                return all.count();
            }

            @Override
            public void all(int batchSize, Consumer<List<Searchable>> batches) {
                all.all(batchSize, batches);
            }
        };
    }

    private static SearchIndexer indexer(
            SearchIndex index, SearchSource source, org.accord.audit.AuditedObjects audited) {
        return new SearchIndexer(
                index,
                List.of(source),
                audited,
                java.time.Duration.ZERO,
                java.time.Duration.ofHours(1),
                java.time.Duration.ZERO,
                java.time.Duration.ofMinutes(1),
                2);
    }

    private static org.springframework.boot.context.event.ApplicationReadyEvent started() {
        return new org.springframework.boot.context.event.ApplicationReadyEvent(
                new org.springframework.boot.SpringApplication(), new String[0], null, java.time.Duration.ZERO);
    }

    @Test
    void nothingIsCommittedBeforeTheCatchUpAtStartSucceeded() throws Exception {
        org.accord.audit.AuditedObjects audited = org.mockito.Mockito.mock(org.accord.audit.AuditedObjects.class);
        org.mockito.Mockito.when(audited.lastRecordId()).thenReturn(42L);
        SearchSource cases = casesNamedInTheLog(new Numbered(SearchKind.CASE, 3, -1));
        SearchIndexer first = indexer(index, cases, audited);
        first.atStart(started());
        first.destroy();
        assertThat(index.checkpoint().auditId()).isEqualTo(42L);

        // Restarted while the database is gone: the catch-up fails; a change made meanwhile is indexed at once.
        org.mockito.Mockito.when(audited.lastRecordId()).thenReturn(99L);
        org.mockito.Mockito.when(audited.lastRecordIdBefore(org.mockito.ArgumentMatchers.any()))
                .thenThrow(new org.springframework.dao.DataAccessResourceFailureException("connection refused"));
        SearchIndexer second = indexer(index, cases, audited);
        try {
            second.atStart(started());
            second.reindex("cases", "case", "9001");
            second.commitIfChanged();
            assertThat(index.checkpoint().auditId())
                    .as("a commit would tell the next catch-up that records 43 to 99 were read")
                    .isEqualTo(42L);
        } finally {
            second.destroy();
        }
    }

    @Test
    void anObjectThatCannotBeReadDoesNotHoldUpTheOnesAfterIt() throws Exception {
        org.accord.audit.AuditedObjects audited = org.mockito.Mockito.mock(org.accord.audit.AuditedObjects.class);
        org.mockito.Mockito.when(audited.lastRecordId()).thenReturn(42L);
        org.mockito.Mockito.when(audited.after(42L, 1000))
                .thenReturn(List.of(
                        new org.accord.audit.AuditedObjects.AuditedObject(43, "cases", "case", "not-a-number"),
                        new org.accord.audit.AuditedObjects.AuditedObject(44, "cases", "case", "9002")));
        SearchIndexer indexer = indexer(index, casesNamedInTheLog(new Numbered(SearchKind.CASE, 3, -1)), audited);
        try {
            indexer.atStart(started());
            indexer.followLog();
            index.refresh();
            assertThat(index.find(query("12345-009002"), OFFICE).hits())
                    .extracting(SearchHit::id)
                    .containsExactly("9002");
        } finally {
            indexer.destroy();
        }
    }

    /** Items 1…n of one kind, read in keyset pages; item {@code broken} (if any) has no title and cannot be indexed. */
    record Numbered(SearchKind kind, int n, int broken) implements SearchSource {

        @Override
        public boolean handles(String module, String objectType) {
            return false;
        }

        @Override
        public List<Searchable> from(String objectId) {
            return List.of();
        }

        @Override
        public long count() {
            return n;
        }

        @Override
        public void all(int batchSize, Consumer<List<Searchable>> batches) {
            SearchSource.pages(
                    batchSize,
                    (after, limit) -> {
                        List<Searchable> page = new ArrayList<>();
                        for (long i = Math.max(1, after + 1); i <= n && page.size() < limit; i++) {
                            Searchable item = item(kind, i, SearchVisibility.officeAnd(Set.of(11L)));
                            page.add(
                                    i == broken
                                            ? new Searchable(
                                                    kind,
                                                    item.id(),
                                                    item.originId(),
                                                    null,
                                                    item.body(),
                                                    null,
                                                    List.of(),
                                                    Set.of(),
                                                    item.visibility(),
                                                    null,
                                                    null,
                                                    item.url(),
                                                    0)
                                            : item);
                        }
                        return page;
                    },
                    item -> Long.parseLong(item.id()),
                    batches);
        }
    }
}
