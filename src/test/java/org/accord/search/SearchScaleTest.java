package org.accord.search;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.accord.security.DataScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rough figure for the index alone (no database): {@code -Daccord.search.scale=100000} indexes that many
 * synthetic items of office text through the rebuild path, then times 300 searches as a liaison and as the office.
 * Off unless asked for; prints its figures.
 */
@EnabledIfSystemProperty(named = "accord.search.scale", matches = "\\d+")
class SearchScaleTest {

    static final String[] WORDS = ("城市 内涝 排水 管网 污水 外溢 楼房 倒塌 住建局 城管局 水利局 卫健委 应急管理局 消防 救援 街道"
                    + " 社区 物业 噪音 扰民 施工 工地 道路 积水 井盖 破损 路灯 绿化 垃圾 清运 供水 停水 燃气 泄漏 学校 医院 交通"
                    + " 拥堵 信号灯 公交 站台 老旧 小区 改造 加装 电梯 防汛 值班 督办 会议 通知 请示 报告 纪要 批示 落实 整改 反馈"
                    + " 答复 群众 投诉 举报 核实 处置 协调 配合 牵头 时限 办结 回访 满意")
            .split(" ");

    @TempDir
    Path directory;

    @Test
    void indexAndSearch() throws Exception {
        int n = Integer.parseInt(System.getProperty("accord.search.scale"));
        Random random = new Random(42);
        LuceneSearchIndex index = new LuceneSearchIndex(directory.toString(), 64);
        try {
            long start = System.nanoTime();
            index.startRebuild();
            List<Searchable> batch = new ArrayList<>(500);
            for (int i = 1; i <= n; i++) {
                long unit = 1 + random.nextInt(60);
                SearchKind kind = SearchKind.values()[random.nextInt(7)];
                batch.add(new Searchable(
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
                        0));
                if (batch.size() == 500) {
                    index.addDuringRebuild(batch);
                    batch = new ArrayList<>(500);
                }
            }
            index.addDuringRebuild(batch);
            index.finishRebuild(new SearchIndex.Checkpoint(0, System.currentTimeMillis()));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("indexed %d items in %.1f s (%.0f/s)%n", n, seconds, n / seconds);

            DataScope office = new DataScope(DataScope.Kind.OFFICE, 1L, Set.of());
            DataScope liaison = new DataScope(DataScope.Kind.UNIT, 2L, Set.of(7L));
            for (int i = 0; i < 50; i++) {
                index.find(query(random), office);
            }
            long[] office300 = timings(index, random, office);
            long[] liaison300 = timings(index, random, liaison);
            System.out.printf(
                    "office: p50 %.1f ms, p95 %.1f ms; liaison: p50 %.1f ms, p95 %.1f ms%n",
                    office300[150] / 1e6, office300[284] / 1e6, liaison300[150] / 1e6, liaison300[284] / 1e6);
        } finally {
            index.destroy();
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
