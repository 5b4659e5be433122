package org.accord.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.accord.AccordApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The default installation, an H2 file database, keeps what was entered across a restart. */
class RestartKeepsDataTest {

    @TempDir
    Path dataDirectory;

    ConfigurableApplicationContext start(String... profiles) {
        return new SpringApplicationBuilder(AccordApplication.class)
                .profiles(profiles)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("accord")
                                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Test
    void aRestartKeepsImportsAndDoesNotLoadTheDemoTwice() {
        DirectoryCounts afterFirstStart;
        try (ConfigurableApplicationContext first = start("demo")) {
            DirectoryImports imports = first.getBean(DirectoryImports.class);
            String units = "编码,名称,简称,类别,上级编码,分管领导编码,法定权威单位,值班电话,排序\n" + "SJSJ,示例市数据局,市数据局,工作部门,SZF,P0002,否,,40\n";
            ImportPreview result = imports.importNow(
                    List.of(new DirectoryFileReader.Upload("units.csv", units.getBytes(StandardCharsets.UTF_8))),
                    ImportMode.MERGE);
            assertThat(result.errors()).isEmpty();
            afterFirstStart = first.getBean(Directory.class).counts();
        }
        try (ConfigurableApplicationContext second = start("demo")) {
            Directory directory = second.getBean(Directory.class);
            assertThat(directory.unitByCode("SJSJ")).isPresent();
            assertThat(directory.counts()).isEqualTo(afterFirstStart);
        }
    }

    @Test
    void theProductionProfileLoadsNoDemoCity() {
        try (ConfigurableApplicationContext production = start("prod")) {
            assertThat(production.getBean(Directory.class).counts().units()).isZero();
        }
    }
}
