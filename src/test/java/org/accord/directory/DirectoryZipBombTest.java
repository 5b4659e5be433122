package org.accord.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A workbook whose sheet expands far beyond its upload is refused with its own message, quickly, without being
 * read into memory: whether it expands a thousandfold, or "only" thirtyfold to 80 MB, which passes POI's ratio
 * limit and which POI, reading from a stream, would load whole.
 */
class DirectoryZipBombTest {

    @Test
    void refusesASheetThatExpandsAThousandfold() throws IOException {
        byte[] bomb = workbookWithSheet((out, random) -> {
            byte[] blank = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 200; i++) {
                out.write(blank);
            }
        });
        assertRefused(bomb);
    }

    @Test
    void refusesASheetThatExpandsThirtyfoldTo80Megabytes() throws IOException {
        byte[] bomb = workbookWithSheet((out, random) -> {
            String padding = "x".repeat(800);
            StringBuilder row = new StringBuilder();
            for (int r = 1; r <= 95_000; r++) {
                row.setLength(0);
                row.append("<row r=\"")
                        .append(r)
                        .append("\"><c r=\"A")
                        .append(r)
                        .append("\" t=\"inlineStr\"><is><t>");
                for (int c = 0; c < 20; c++) {
                    row.append((char) ('A' + random.nextInt(26)));
                }
                row.append(padding).append("</t></is></c></row>");
                out.write(row.toString().getBytes(StandardCharsets.US_ASCII));
            }
        });
        assertThat(bomb.length).as("the upload stays under the multipart limit").isLessThan(20 << 20);
        assertRefused(bomb);
    }

    private static void assertRefused(byte[] bomb) {
        long started = System.nanoTime();
        DirectoryFile file = DirectoryFileReader.read(List.of(new DirectoryFileReader.Upload("通讯录.xlsx", bomb)));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(file.valid()).isFalse();
        assertThat(file.errors()).extracting(RowError::messageKey).containsExactly("directory.import.error.expands");
        assertThat(file.people()).isEmpty();
        assertThat(took).as("refused while reading, not after").isLessThan(Duration.ofSeconds(20));
    }

    interface SheetBody {
        void write(OutputStream out, Random random) throws IOException;
    }

    /** A genuine workbook with a sheet 人员 whose rows are replaced by {@code body}. */
    private static byte[] workbookWithSheet(SheetBody body) throws IOException {
        ByteArrayOutputStream genuine = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet(DirectoryFile.PEOPLE)
                    .createRow(0)
                    .createCell(0)
                    .setCellValue("姓名");
            workbook.write(genuine);
        }
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(genuine.toByteArray()));
                ZipOutputStream out = new ZipOutputStream(bomb)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet"
                                    + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                            .getBytes(StandardCharsets.UTF_8));
                    body.write(out, new Random(42));
                    out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return bomb.toByteArray();
    }
}
