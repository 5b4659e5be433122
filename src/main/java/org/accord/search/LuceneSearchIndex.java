package org.accord.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.accord.security.DataScope;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The embedded Lucene index: one {@link IndexWriter} for the application, near-real-time searchers, every item's
 * visibility stored as indexed fields and every query filtered by the signed-in account's scope inside Lucene, so
 * that totals, counts per kind and snippets are computed only over what the account may see.
 */
@Component
class LuceneSearchIndex implements SearchIndex, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);

    static final String KEY = "key";
    static final String ORIGIN = "origin";
    static final String KIND = "kind";
    static final String ID = "id";
    static final String REFERENCE = "ref";
    static final String REFERENCE_TEXT = "ref_text";
    static final String PERSON = "person";
    static final String UNIT = "unit";
    static final String UNITS_STORED = "units";
    static final String CATEGORY = "category";
    static final String AT = "at";
    static final String AT_SORT = "at_sort";
    static final String URL = "url";
    static final String AUTHORITY = "authority";
    static final String SEEN_BY_OFFICE = "v_office";
    static final String SEEN_BY_UNIT = "v_unit";
    static final String SEEN_BY_LEADER_UNIT = "v_leader_unit";
    static final String SEEN_BY_PERSON = "v_person";

    private static final String AUDIT_MARK = "accord.audit";
    private static final String AT_MARK = "accord.at";
    private static final int SNIPPET_LENGTH = 120;
    private static final int DEEPEST_RESULT = 10_000;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Pairs fields are stored (for snippets) with offsets in the postings (so highlighting re-analyses nothing). */
    private static final FieldType PAIRS_STORED = new FieldType(TextField.TYPE_STORED);

    static {
        PAIRS_STORED.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        PAIRS_STORED.freeze();
    }

    private final ChineseAnalysis analysis = new ChineseAnalysis();
    private final Path path;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicBoolean changed = new AtomicBoolean();
    private volatile boolean rebuilding;
    private final double ramBufferMb;
    private final double rebuildRamBufferMb;

    LuceneSearchIndex(
            @Value("${accord.search.directory:./data/search-index}") String directory,
            @Value("${accord.search.ram-buffer-mb:64}") double ramBufferMb,
            @Value("${accord.search.rebuild-ram-buffer-mb:256}") double rebuildRamBufferMb)
            throws IOException {
        this.ramBufferMb = ramBufferMb;
        this.rebuildRamBufferMb = rebuildRamBufferMb;
        this.path = Path.of(directory).toAbsolutePath();
        Files.createDirectories(path);
        this.directory = FSDirectory.open(path);
        IndexWriterConfig config = new IndexWriterConfig(analysis.indexing())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(ramBufferMb)
                .setCommitOnClose(false);
        this.writer = new IndexWriter(this.directory, config);
        this.searchers = new SearcherManager(writer, null);
        log.info("Search index at {} ({} items)", path, writer.getDocStats().numDocs);
    }

    // ---------------------------------------------------------------- writing

    @Override
    public void replace(SearchKind kind, String originId, List<Searchable> items) {
        try {
            writer.updateDocuments(
                    new Term(ORIGIN, origin(kind, originId)),
                    items.stream().map(LuceneSearchIndex::document).toList());
            changed.set(true);
            if (!rebuilding) {
                searchers.maybeRefresh();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void startRebuild() {
        rebuilding = true;
        try {
            // Fewer, larger segments to flush and merge while everything is written at once.
            writer.getConfig().setRAMBufferSizeMB(Math.max(ramBufferMb, rebuildRamBufferMb));
            writer.deleteAll();
            changed.set(true);
        } catch (IOException e) {
            rebuilding = false;
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void addDuringRebuild(List<Searchable> items) {
        Map<String, List<Document>> byOrigin = new LinkedHashMap<>();
        for (Searchable item : items) {
            byOrigin.computeIfAbsent(origin(item.kind(), item.originId()), k -> new ArrayList<>())
                    .add(document(item));
        }
        try {
            // By origin, not plain adds: a change indexed meanwhile by the listener is not doubled.
            for (Map.Entry<String, List<Document>> entry : byOrigin.entrySet()) {
                writer.updateDocuments(new Term(ORIGIN, entry.getKey()), entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void finishRebuild(Checkpoint mark) {
        try {
            commit(mark);
        } finally {
            rebuilding = false;
            writer.getConfig().setRAMBufferSizeMB(ramBufferMb);
        }
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void commit(Checkpoint mark) {
        try {
            changed.set(false);
            writer.setLiveCommitData(
                    Map.of(AUDIT_MARK, Long.toString(mark.auditId()), AT_MARK, Long.toString(mark.atMillis()))
                            .entrySet());
            writer.commit();
            searchers.maybeRefresh();
        } catch (IOException e) {
            changed.set(true);
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public @Nullable Checkpoint checkpoint() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data == null) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        data.forEach(e -> values.put(e.getKey(), e.getValue()));
        if (!values.containsKey(AUDIT_MARK)) {
            return null;
        }
        return new Checkpoint(Long.parseLong(values.get(AUDIT_MARK)), Long.parseLong(values.get(AT_MARK)));
    }

    @Override
    public boolean changedSinceCommit() {
        return changed.get();
    }

    @Override
    public long size() {
        return writer.getDocStats().numDocs;
    }

    /** Makes what was written so far searchable at once (the listener does so after each change anyway). */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void destroy() throws IOException {
        // Uncommitted changes are not committed here: the checkpoint would claim more than was seen; start-up
        // catches up from the last commit instead.
        searchers.close();
        writer.rollback();
        directory.close();
    }

    static String origin(SearchKind kind, String originId) {
        return kind.name() + ":" + originId;
    }

    private static Document document(Searchable item) {
        Document doc = new Document();
        doc.add(new StringField(KEY, item.kind().name() + ":" + item.id(), Field.Store.YES));
        doc.add(new StringField(ORIGIN, origin(item.kind(), item.originId()), Field.Store.NO));
        doc.add(new StringField(KIND, item.kind().name(), Field.Store.YES));
        doc.add(new SortedDocValuesField(KIND, new BytesRef(item.kind().name())));
        doc.add(new StoredField(ID, item.id()));
        doc.add(new TextField(ChineseAnalysis.TITLE, item.title(), Field.Store.NO));
        doc.add(new Field(ChineseAnalysis.TITLE_PAIRS, item.title(), PAIRS_STORED));
        doc.add(new TextField(ChineseAnalysis.BODY, item.body(), Field.Store.NO));
        doc.add(new Field(ChineseAnalysis.BODY_PAIRS, item.body(), PAIRS_STORED));
        StringBuilder names = new StringBuilder();
        if (item.reference() != null && !item.reference().isBlank()) {
            doc.add(new StringField(REFERENCE, normalizedReference(item.reference()), Field.Store.NO));
            doc.add(new StoredField(REFERENCE_TEXT, item.reference()));
            names.append(item.reference()).append(' ');
        }
        for (String person : item.people()) {
            if (!person.isBlank()) {
                doc.add(new StringField(PERSON, person.strip(), Field.Store.YES));
                names.append(person).append(' ');
            }
        }
        doc.add(new TextField(ChineseAnalysis.NAMES_PAIRS, names.toString(), Field.Store.NO));
        for (Long unit : item.unitIds()) {
            doc.add(new StringField(UNIT, unit.toString(), Field.Store.NO));
        }
        doc.add(new StoredField(
                UNITS_STORED, item.unitIds().stream().map(String::valueOf).collect(Collectors.joining(","))));
        SearchVisibility visibility = item.visibility();
        if (visibility.office()) {
            doc.add(new StringField(SEEN_BY_OFFICE, "1", Field.Store.NO));
        }
        visibility.units().forEach(u -> doc.add(new StringField(SEEN_BY_UNIT, u.toString(), Field.Store.NO)));
        visibility
                .leaderUnits()
                .forEach(u -> doc.add(new StringField(SEEN_BY_LEADER_UNIT, u.toString(), Field.Store.NO)));
        visibility.people().forEach(p -> doc.add(new StringField(SEEN_BY_PERSON, p.toString(), Field.Store.NO)));
        if (item.category() != null) {
            doc.add(new StringField(CATEGORY, item.category(), Field.Store.YES));
        }
        long at = item.at() == null ? 0 : item.at().toEpochMilli();
        doc.add(new LongPoint(AT, at));
        doc.add(new StoredField(AT, at));
        doc.add(new NumericDocValuesField(AT_SORT, at));
        doc.add(new StoredField(URL, item.url()));
        doc.add(new StoredField(AUTHORITY, item.authority()));
        return doc;
    }

    /**
     * A number as people type it: without spaces, any of the brackets people use for 〔〕 (【】, [], （）, ［］)
     * as 〔〕, lower case. The index keeps references in this form, so 示政办发[2026]12号 finds 示政办发〔2026〕12号.
     */
    static String normalizedReference(String reference) {
        StringBuilder out = new StringBuilder(reference.length());
        for (char c : reference.toCharArray()) {
            if (Character.isWhitespace(c)) {
                continue;
            }
            out.append(
                    switch (c) {
                        case '[', '［', '(', '（', '【', '﹝' -> '〔';
                        case ']', '］', ')', '）', '】', '﹞' -> '〕';
                        default -> Character.toLowerCase(c);
                    });
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- reading

    @Override
    public SearchResults find(SearchQuery query, DataScope scope) {
        Query seen = visibility(scope);
        if (seen instanceof MatchNoDocsQuery) {
            return new SearchResults(0, List.of(), Map.of());
        }
        Query words = words(query.text());
        int size = Math.max(1, Math.min(query.size(), 100));
        int page = Math.max(0, query.page());
        int wanted = Math.min((page + 1) * size, DEEPEST_RESULT);
        IndexSearcher searcher = acquire();
        try {
            BooleanQuery.Builder all =
                    new BooleanQuery.Builder().add(words == null ? new MatchAllDocsQuery() : words, Occur.MUST);
            if (!seesEverything(searcher, scope)) {
                all.add(seen, Occur.FILTER);
            }
            if (!query.kinds().isEmpty()) {
                all.add(anyOf(KIND, query.kinds().stream().map(Enum::name).toList()), Occur.FILTER);
            }
            if (query.unitId() != null) {
                all.add(new TermQuery(new Term(UNIT, query.unitId().toString())), Occur.FILTER);
            }
            if (query.from() != null || query.to() != null) {
                long from = query.from() == null ? Long.MIN_VALUE : startOf(query.from());
                long to =
                        query.to() == null ? Long.MAX_VALUE : startOf(query.to().plusDays(1)) - 1;
                all.add(LongPoint.newRangeQuery(AT, from, to), Occur.FILTER);
            }
            Query built = all.build();
            // One pass: the best hits and the counts per kind together. Two passes (the hits with block skipping,
            // then the counts unscored) measured slower at 500,000 items: both passes visit every match.
            TopDocsCollector<?> top = words == null
                    ? TopFieldCollector.create(
                            new Sort(new SortField(AT_SORT, SortField.Type.LONG, true)), wanted, Integer.MAX_VALUE)
                    : TopScoreDocCollector.create(wanted, Integer.MAX_VALUE);
            KindCounter counter = new KindCounter();
            searcher.search(built, MultiCollector.wrap(top, counter));
            TopDocs docs = top.topDocs(Math.min(page * size, wanted), size);
            List<SearchHit> hits = hits(searcher, built, docs, words != null);
            Map<SearchKind, Long> counts = counter.counts();
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            return new SearchResults(total, hits, counts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /**
     * Whether the scope's filter would let every item through, so that it can be left out: the office sees all the
     * office's work, and filtering 500,000 items by a term they all carry costs a third of a search. Checked on each
     * searcher's segments (a term's document frequency against the segment's size), so one item hidden from the
     * office brings the filter back.
     */
    static boolean seesEverything(IndexSearcher searcher, DataScope scope) throws IOException {
        if (scope.kind() != DataScope.Kind.OFFICE) {
            return false;
        }
        Term office = new Term(SEEN_BY_OFFICE, "1");
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            if (leaf.reader().docFreq(office) != leaf.reader().maxDoc()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<SearchHit> similar(SimilarQuery query, DataScope scope) {
        Query seen = visibility(scope);
        if (seen instanceof MatchNoDocsQuery || query.text().isBlank() || query.limit() <= 0) {
            return List.of();
        }
        IndexSearcher searcher = acquire();
        try {
            MoreLikeThis like = new MoreLikeThis(searcher.getIndexReader());
            like.setAnalyzer(analysis.words());
            like.setMinTermFreq(1);
            like.setMinDocFreq(1);
            like.setMinWordLen(2);
            like.setMaxQueryTerms(40);
            like.setBoost(true);
            BooleanQuery.Builder text = new BooleanQuery.Builder()
                    .add(like(like, ChineseAnalysis.BODY, query.text()), Occur.SHOULD)
                    .add(like(like, ChineseAnalysis.TITLE, query.text()), Occur.SHOULD);
            BooleanQuery.Builder all =
                    new BooleanQuery.Builder().add(text.build(), Occur.MUST).add(seen, Occur.FILTER);
            if (!query.kinds().isEmpty()) {
                all.add(anyOf(KIND, query.kinds().stream().map(Enum::name).toList()), Occur.FILTER);
            }
            if (!query.unitIds().isEmpty()) {
                all.add(
                        new BoostQuery(
                                new ConstantScoreQuery(anyOf(
                                        UNIT,
                                        query.unitIds().stream()
                                                .map(String::valueOf)
                                                .toList())),
                                2.0f),
                        Occur.SHOULD);
            }
            if (query.category() != null && !query.category().isBlank()) {
                all.add(
                        new BoostQuery(
                                new ConstantScoreQuery(new TermQuery(new Term(CATEGORY, query.category()))), 1.5f),
                        Occur.SHOULD);
            }
            Query built = all.build();
            TopDocs docs = searcher.search(built, Math.min(query.limit(), 100));
            return hits(searcher, built, docs, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    private static Query like(MoreLikeThis like, String field, String text) throws IOException {
        like.setFieldNames(new String[] {field});
        return like.like(field, new StringReader(text));
    }

    /**
     * What the words ask for: every whitespace-separated part must occur (as adjacent characters in the title, the
     * text, or a number or name), SmartCN words only add to the score; a whole reference number or person's name
     * typed exactly ranks its items first.
     */
    @Nullable
    Query words(String text) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return null;
        }
        QueryBuilder builder = new QueryBuilder(analysis.querying());
        BooleanQuery.Builder every = new BooleanQuery.Builder();
        int parts = 0;
        for (String part : stripped.split("\\s+")) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            int ways = 0;
            ways += should(any, builder.createPhraseQuery(ChineseAnalysis.TITLE_PAIRS, part), 3f);
            ways += should(any, builder.createPhraseQuery(ChineseAnalysis.BODY_PAIRS, part), 1f);
            ways += should(any, builder.createPhraseQuery(ChineseAnalysis.NAMES_PAIRS, part), 3f);
            if (ways == 0) {
                continue;
            }
            every.add(any.build(), Occur.MUST);
            parts++;
            should(every, builder.createBooleanQuery(ChineseAnalysis.TITLE, part), 2f);
            should(every, builder.createBooleanQuery(ChineseAnalysis.BODY, part), 1f);
        }
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        if (parts > 0) {
            top.add(every.build(), Occur.SHOULD);
        }
        top.add(new BoostQuery(new TermQuery(new Term(REFERENCE, normalizedReference(stripped))), 50f), Occur.SHOULD);
        top.add(new BoostQuery(new TermQuery(new Term(PERSON, stripped)), 10f), Occur.SHOULD);
        // Only optional clauses: an item matches when at least one does.
        return top.build();
    }

    private static int should(BooleanQuery.Builder builder, @Nullable Query query, float boost) {
        if (query == null) {
            return 0;
        }
        builder.add(boost == 1f ? query : new BoostQuery(query, boost), Occur.SHOULD);
        return 1;
    }

    /** The scope as a filter: the same rules as the security module's {@link DataScope}, on the stored fields. */
    static Query visibility(DataScope scope) {
        return switch (scope.kind()) {
            case OFFICE -> new TermQuery(new Term(SEEN_BY_OFFICE, "1"));
            case UNIT ->
                scope.unitIds().isEmpty()
                        ? new MatchNoDocsQuery()
                        : anyOf(
                                SEEN_BY_UNIT,
                                scope.unitIds().stream().map(String::valueOf).toList());
            case LEADER -> {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                List<String> units =
                        scope.unitIds().stream().map(String::valueOf).toList();
                if (!units.isEmpty()) {
                    any.add(anyOf(SEEN_BY_UNIT, units), Occur.SHOULD);
                    any.add(anyOf(SEEN_BY_LEADER_UNIT, units), Occur.SHOULD);
                }
                if (scope.personId() != null) {
                    any.add(
                            new TermQuery(
                                    new Term(SEEN_BY_PERSON, scope.personId().toString())),
                            Occur.SHOULD);
                }
                BooleanQuery built = any.build();
                yield built.clauses().isEmpty() ? new MatchNoDocsQuery() : built;
            }
            case NONE -> new MatchNoDocsQuery();
        };
    }

    private static Query anyOf(String field, Collection<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    private static long startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant().toEpochMilli();
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query query, TopDocs docs, boolean highlight)
            throws IOException {
        if (docs.scoreDocs.length == 0) {
            return List.of();
        }
        String[] snippets = null;
        if (highlight) {
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analysis.querying())
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                    .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                            new CustomSeparatorBreakIterator('。'), SNIPPET_LENGTH, 0.5f))
                    .withMaxLength(50_000)
                    .build();
            snippets = highlighter.highlight(ChineseAnalysis.BODY_PAIRS, query, docs, 1);
        }
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(docs.scoreDocs.length);
        for (int i = 0; i < docs.scoreDocs.length; i++) {
            ScoreDoc scoreDoc = docs.scoreDocs[i];
            Document doc = stored.document(scoreDoc.doc);
            String body = doc.get(ChineseAnalysis.BODY_PAIRS);
            String snippet = snippets != null && snippets[i] != null ? snippets[i] : escaped(shortened(body));
            long at = doc.getField(AT).numericValue().longValue();
            String units = doc.get(UNITS_STORED);
            Set<Long> unitIds = units == null || units.isEmpty()
                    ? Set.of()
                    : Arrays.stream(units.split(","))
                            .map(Long::valueOf)
                            .collect(Collectors.toCollection(LinkedHashSet::new));
            hits.add(new SearchHit(
                    SearchKind.valueOf(doc.get(KIND)),
                    doc.get(ID),
                    doc.get(ChineseAnalysis.TITLE_PAIRS),
                    snippet,
                    doc.get(URL),
                    at == 0 ? null : Instant.ofEpochMilli(at),
                    Float.isNaN(scoreDoc.score) ? 0 : scoreDoc.score,
                    unitIds,
                    doc.get(CATEGORY),
                    doc.get(REFERENCE_TEXT),
                    doc.getField(AUTHORITY).numericValue().intValue()));
        }
        return hits;
    }

    private static String shortened(@Nullable String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= SNIPPET_LENGTH ? body : body.substring(0, SNIPPET_LENGTH) + "…";
    }

    static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public java.util.Optional<SearchHit> item(SearchKind kind, String id, DataScope scope) {
        Query seen = visibility(scope);
        if (seen instanceof MatchNoDocsQuery) {
            return java.util.Optional.empty();
        }
        Query built = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(KEY, kind.name() + ":" + id)), Occur.MUST)
                .add(seen, Occur.FILTER)
                .build();
        IndexSearcher searcher = acquire();
        try {
            return hits(searcher, built, searcher.search(built, 1), false).stream()
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    Path path() {
        return path;
    }

    /** Counts matches per kind in the same pass that collects the top hits. */
    private static final class KindCounter extends SimpleCollector {

        private final Map<String, Long> counts = new HashMap<>();
        private @Nullable SortedDocValues kinds;
        private long[] segment = new long[0];

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            flush();
            kinds = DocValues.getSorted(context.reader(), KIND);
            segment = new long[kinds.getValueCount()];
        }

        @Override
        public void collect(int doc) throws IOException {
            if (kinds != null && kinds.advanceExact(doc)) {
                segment[kinds.ordValue()]++;
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        private void flush() throws IOException {
            if (kinds == null) {
                return;
            }
            for (int ord = 0; ord < segment.length; ord++) {
                if (segment[ord] > 0) {
                    counts.merge(kinds.lookupOrd(ord).utf8ToString(), segment[ord], Long::sum);
                }
            }
            kinds = null;
        }

        Map<SearchKind, Long> counts() throws IOException {
            flush();
            Map<SearchKind, Long> byKind = new EnumMap<>(SearchKind.class);
            counts.forEach((kind, count) -> byKind.put(SearchKind.valueOf(kind), count));
            return byKind;
        }
    }
}
