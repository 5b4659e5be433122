package org.accord.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.accord.security.DataScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures for the index alone (no database): {@code -Daccord.search.scale=500000} indexes that many synthetic items
 * of office text through the rebuild path ({@link SearchIndexer#rebuild} on {@code accord.search.rebuild-threads}
 * threads, default one per core), then times 300 searches one at a time as a liaison and as the office, and the
 * office's searches from 8 and 50 users at once. {@code -Daccord.search.scale.directory=…} keeps the index there and
 * reuses it when it already holds that many items (to measure searches again without rebuilding). Off unless
 * asked for; prints its figures.
 */
@EnabledIfSystemProperty(named = "accord.search.scale", matches = "\\d+")
class SearchScaleTest {

    static final String[] WORDS = ("城市 内涝 排水 管网 污水 外溢 楼房 倒塌 住建局 城管局 水利局 卫健委 应急管理局 消防 救援 街道"
                    + " 社区 物业 噪音 扰民 施工 工地 道路 积水 井盖 破损 路灯 绿化 垃圾 清运 供水 停水 燃气 泄漏 学校 医院 交通"
                    + " 拥堵 信号灯 公交 站台 老旧 小区 改造 加装 电梯 防汛 值班 督办 会议 通知 请示 报告 纪要 批示 落实 整改 反馈"
                    + " 答复 群众 投诉 举报 核实 处置 协调 配合 牵头 时限 办结 回访 满意")
            .split(" ");

    @TempDir
    Path temporary;

    @Test
    void indexAndSearch() throws Exception {
        int n = Integer.parseInt(System.getProperty("accord.search.scale"));
        int threads = Integer.getInteger(
                "accord.search.rebuild-threads", Runtime.getRuntime().availableProcessors());
        String kept = System.getProperty("accord.search.scale.directory");
        Path directory = kept == null ? temporary : Path.of(kept);
        LuceneSearchIndex index = new LuceneSearchIndex(directory.toString(), 64, 256);
        try {
            if (index.checkpoint() != null && index.size() == n) {
                System.out.printf("reusing the index of %d items at %s%n", n, directory);
            } else {
                SearchIndexer.RebuildProgress done = SearchIndexer.rebuild(
                        index,
                        List.of(new Synthetic(n)),
                        threads,
                        new SearchIndex.Checkpoint(0, System.currentTimeMillis()),
                        progress -> {});
                System.out.printf(
                        "indexed %d items on %d threads in %.1f s (%.0f/s)%n",
                        done.done(), threads, done.nanos() / 1e9, done.perSecond());
            }
            assertThat(index.size()).isEqualTo(n);

            Random random = new Random(7);
            DataScope office = new DataScope(DataScope.Kind.OFFICE, 1L, Set.of());
            DataScope liaison = new DataScope(DataScope.Kind.UNIT, 2L, Set.of(7L));
            for (int i = 0; i < 50; i++) {
                index.find(query(random), office);
            }
            long[] office300 = timings(index, random, office);
            long[] liaison300 = timings(index, random, liaison);
            System.out.printf(
                    "one at a time: office p50 %.1f ms, p95 %.1f ms; liaison p50 %.1f ms, p95 %.1f ms%n",
                    office300[150] / 1e6, office300[284] / 1e6, liaison300[150] / 1e6, liaison300[284] / 1e6);
            for (int users : new int[] {8, 50}) {
                long[] took = concurrently(index, office, users, 600);
                System.out.printf(
                        "%d users at once: office p50 %.1f ms, p95 %.1f ms (%d searches)%n",
                        users, took[took.length / 2] / 1e6, took[took.length * 95 / 100] / 1e6, took.length);
            }
        } finally {
            index.destroy();
        }
    }

    /** {@code searches} office searches spread over {@code users} threads, each timed. */
    static long[] concurrently(LuceneSearchIndex index, DataScope scope, int users, int searches) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            List<Future<Long>> took = new ArrayList<>();
            for (int i = 0; i < searches; i++) {
                SearchQuery query = query(new Random(1000 + i));
                took.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    index.find(query, scope);
                    return System.nanoTime() - start;
                }));
            }
            long[] nanos = new long[searches];
            for (int i = 0; i < searches; i++) {
                nanos[i] = took.get(i).get();
            }
            Arrays.sort(nanos);
            return nanos;
        } finally {
            pool.shutdown();
        }
    }

    /** Items of random office words, 7 kinds, 60 units, over a year, as a source gives them to a rebuild. */
    static final class Synthetic implements SearchSource {

        private final int n;

        Synthetic(int n) {
            this.n = n;
        }

        @Override
        public SearchKind kind() {
            return SearchKind.CASE;
        }

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
            Random random = new Random(42);
            SearchSource.pages(
                    batchSize,
                    (after, limit) -> {
                        List<Searchable> page = new ArrayList<>(limit);
                        for (long i = Math.max(1, after + 1); i <= n && page.size() < limit; i++) {
                            page.add(item(random, i));
                        }
                        return page;
                    },
                    item -> Long.parseLong(item.id()),
                    batches);
        }

        private static Searchable item(Random random, long i) {
            long unit = 1 + random.nextInt(60);
            SearchKind kind = SearchKind.values()[random.nextInt(7)];
            return new Searchable(
                    kind,
                    String.valueOf(i),
                    String.valueOf(i),
                    text(random, 6),
                    text(random, 80),
                    "12345-20261127-" + String.format("%06d", i),
                    List.of("张" + WORDS[random.nextInt(WORDS.length)].charAt(0) + "明"),
                    Set.of(unit),
                    SearchVisibility.officeAnd(Set.of(unit)),
                    "C" + random.nextInt(20),
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(30_000_000)),
                    "/x/" + i,
                    0);
        }
    }

    static long[] timings(LuceneSearchIndex index, Random random, DataScope scope) {
        long[] took = new long[300];
        for (int i = 0; i < took.length; i++) {
            SearchQuery query = query(random);
            long start = System.nanoTime();
            index.find(query, scope);
            took[i] = System.nanoTime() - start;
        }
        Arrays.sort(took);
        return took;
    }

    static SearchQuery query(Random random) {
        String text = random.nextBoolean()
                ? WORDS[random.nextInt(WORDS.length)]
                : WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
        return new SearchQuery(text, Set.of(), null, null, null, 0, 20);
    }

    static String text(Random random, int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            out.append(WORDS[random.nextInt(WORDS.length)]);
            if (i % 9 == 8) {
                out.append('。');
            } else if (i % 3 == 2) {
                out.append('，');
            }
        }
        return out.toString();
    }
}
