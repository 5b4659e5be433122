package org.accord.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryFileReaderTest {

    private static DirectoryFileReader.Upload csv(String name, String text) {
        return new DirectoryFileReader.Upload(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String UNIT_HEADER = "编码,名称,简称,类别,上级编码,分管领导编码,法定权威单位,值班电话,排序\n";
    private static final String PEOPLE_HEADER = "编码,姓名,单位编码,职务,领导职务,办公电话,手机,电子邮箱,联络员,排序\n";

    @Test
    void readsTheDemoCityWithoutErrors() throws IOException {
        DirectoryFile file = DirectoryFileReader.read(DemoDirectory.files());
        assertThat(file.errors()).isEmpty();
        assertThat(file.units()).hasSizeGreaterThan(50);
        assertThat(file.people()).hasSizeGreaterThan(150);
        assertThat(file.units()).anySatisfy(unit -> {
            assertThat(unit.name()).isEqualTo("示例市水利局");
            assertThat(unit.authoritative()).isTrue();
            assertThat(unit.kind()).isEqualTo(UnitKind.DEPARTMENT);
        });
    }

    @Test
    void reportsEveryBadCellWithItsRowAndColumn() {
        DirectoryFile file = DirectoryFileReader.read(List.of(csv(
                "单位.csv",
                UNIT_HEADER
                        + "A1,甲单位,,工作部门,,,是,,1\n"
                        + ",乙单位,,工作部门,,,否,,2\n"
                        + "A3,丙单位,,不知道,,,也许,,x\n"
                        + "A1,重复单位,,工作部门,,,否,,4\n")));
        assertThat(file.valid()).isFalse();
        assertThat(file.errors())
                .extracting(RowError::line, RowError::column, RowError::messageKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(3, "编码", "directory.import.error.required"),
                        org.assertj.core.groups.Tuple.tuple(4, "类别", "directory.import.error.kind"),
                        org.assertj.core.groups.Tuple.tuple(4, "法定权威单位", "directory.import.error.yesNo"),
                        org.assertj.core.groups.Tuple.tuple(4, "排序", "directory.import.error.number"),
                        org.assertj.core.groups.Tuple.tuple(5, "编码", "directory.import.error.duplicate"));
    }

    @Test
    void tellsTheTablesApartByTheirHeaderAndAcceptsAByteOrderMark() {
        DirectoryFile file = DirectoryFileReader.read(List.of(
                csv("a.csv", "\uFEFF" + PEOPLE_HEADER + "P1,张三,A1,科员,,,13900000000,zs@shili.example,是,1\n"),
                csv("b.csv", UNIT_HEADER + "A1,甲单位,,工作部门,,,否,,1\n")));
        assertThat(file.errors()).isEmpty();
        assertThat(file.hasUnits()).isTrue();
        assertThat(file.hasPeople()).isTrue();
        assertThat(file.people().get(0).liaison()).isTrue();
    }

    @Test
    void refusesMissingColumnsAndUnknownFormats() {
        DirectoryFile file = DirectoryFileReader.read(List.of(
                csv("units.csv", "编码,名称\nA1,甲\n"), new DirectoryFileReader.Upload("x.docx", new byte[] {1, 2})));
        assertThat(file.errors())
                .extracting(RowError::messageKey)
                .containsExactlyInAnyOrder("directory.import.error.missingColumns", "directory.import.error.format");
    }

    @Test
    void aDamagedWorkbookIsAnErrorNotACrash() {
        DirectoryFile file = DirectoryFileReader.read(
                List.of(new DirectoryFileReader.Upload("通讯录.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8))));
        assertThat(file.errors()).extracting(RowError::messageKey).containsExactly("directory.import.error.unreadable");
    }

    @Test
    void theExportedWorkbookReadsBackTheSame() throws IOException {
        DirectoryFile demo = DirectoryFileReader.read(DemoDirectory.files());
        OrgChart chart = new OrgChart(demo.units(), demo.people());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DirectoryFileWriter.xlsx(chart, out);
        DirectoryFile back =
                DirectoryFileReader.read(List.of(new DirectoryFileReader.Upload("通讯录.xlsx", out.toByteArray())));
        assertThat(back.errors()).isEmpty();
        assertThat(back.units())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("line")
                .isEqualTo(demo.units());
        assertThat(back.people())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("line")
                .isEqualTo(demo.people());
    }
}
