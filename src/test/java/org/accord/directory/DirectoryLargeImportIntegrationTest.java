package org.accord.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A directory of 10,000 people goes through the same staged import as a small one: checked,
 * previewed, applied in the background, with progress that only moves forward.
 */
@IntegrationTest
class DirectoryLargeImportIntegrationTest {

    static final int PEOPLE = 10_000;

    @Autowired
    DirectoryImports imports;

    @Autowired
    Directory directory;

    static byte[] peopleFile() {
        String[] units = {"ZJJ", "SLJ", "CGJ", "YJJ", "WJW", "GAJ", "DCQ-ZJJ", "XHQ-CGJ", "NSQ-YJJ", "SZFB-RXB"};
        StringBuilder csv = new StringBuilder("编码,姓名,单位编码,职务,领导职务,办公电话,手机,电子邮箱,联络员,排序\n");
        for (int i = 1; i <= PEOPLE; i++) {
            csv.append("L")
                    .append(i)
                    .append(",测试人员")
                    .append(i)
                    .append(',')
                    .append(units[i % units.length])
                    .append(",科员,,0999-")
                    .append(7000000 + i)
                    .append(",139")
                    .append(String.format("%08d", i))
                    .append(",l")
                    .append(i)
                    .append("@shili.example,")
                    .append(i % 500 == 0 ? "是" : "否")
                    .append(',')
                    .append(i)
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void tenThousandPeopleArePreviewedThenAppliedWithProgress() throws InterruptedException {
        long before = directory.counts().people();
        Instant started = Instant.now();
        ImportPreview preview = imports.stage(
                List.of(new DirectoryFileReader.Upload("人员.csv", peopleFile())), ImportMode.MERGE, "test");
        Duration checked = Duration.between(started, Instant.now());
        assertThat(preview.errors()).isEmpty();
        assertThat(preview.people().added()).isEqualTo(PEOPLE);
        assertThat(directory.counts().people())
                .as("nothing before confirmation")
                .isEqualTo(before);

        long importId = preview.importId();
        imports.confirm(importId);
        List<Integer> seen = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        ImportProgress progress = imports.progress(importId).orElseThrow();
        while (!progress.finished() && Instant.now().isBefore(deadline)) {
            seen.add(progress.doneRows());
            Thread.sleep(50);
            progress = imports.progress(importId).orElseThrow();
        }
        Duration applied = Duration.between(started, Instant.now()).minus(checked);

        assertThat(progress.status()).isEqualTo(ImportProgress.DONE);
        assertThat(progress.doneRows()).isEqualTo(PEOPLE);
        assertThat(seen).isSorted();
        assertThat(directory.counts().people()).isEqualTo(before + PEOPLE);
        assertThat(directory.personByCode("L10000").orElseThrow().name()).isEqualTo("测试人员10000");
        System.out.printf(
                "Directory import of %d people: checked and previewed in %d ms, applied in %d ms, %d progress readings%n",
                PEOPLE, checked.toMillis(), applied.toMillis(), seen.size());
    }
}
