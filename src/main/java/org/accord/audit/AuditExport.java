package org.accord.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The filtered trail as an .xlsx, written row by row (SXSSF keeps only a window of rows in memory). */
@Component
class AuditExport {

    /** Rows an .xlsx sheet holds, less the header. */
    static final int MAX_ROWS = 1_048_575;

    static final List<String> COLUMNS = List.of(
            "id",
            "occurredAt",
            "actor",
            "address",
            "module",
            "objectType",
            "objectId",
            "action",
            "unitId",
            "before",
            "after",
            "recordedAt");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditRecords records;
    private final MessageSource messages;
    private final TransactionTemplate readOnly;

    AuditExport(AuditRecords records, MessageSource messages, PlatformTransactionManager transactions) {
        this.records = records;
        this.messages = messages;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    void xlsx(AuditFilter filter, OutputStream out) throws IOException {
        ZoneId zone = records.zone();
        Locale locale = Locale.SIMPLIFIED_CHINESE;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(messages.getMessage("audit.export.sheet", null, locale));
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(messages.getMessage("audit.column." + COLUMNS.get(i), null, locale));
            }
            int[] next = {1};
            // A transaction lets PostgreSQL hand the rows over in portions (fetch size) instead of all at once.
            readOnly.executeWithoutResult(status -> records.each(filter, MAX_ROWS, record -> {
                Row row = sheet.createRow(next[0]++);
                row.createCell(0).setCellValue(record.id());
                row.createCell(1).setCellValue(TIME.format(record.occurredAt().atZone(zone)));
                row.createCell(2).setCellValue(record.actor());
                text(row, 3, record.address());
                row.createCell(4).setCellValue(record.module());
                row.createCell(5).setCellValue(record.objectType());
                text(row, 6, record.objectId());
                row.createCell(7).setCellValue(record.action());
                if (record.unitId() != null) {
                    row.createCell(8).setCellValue(record.unitId());
                }
                text(row, 9, record.before());
                text(row, 10, record.after());
                row.createCell(11).setCellValue(TIME.format(record.recordedAt().atZone(zone)));
            }));
            try {
                workbook.write(out);
            } finally {
                workbook.dispose();
            }
        }
    }

    private static void text(Row row, int column, @Nullable String value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.length() > 32_767 ? value.substring(0, 32_767) : value);
        }
    }
}
