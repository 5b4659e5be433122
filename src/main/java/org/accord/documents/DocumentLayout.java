package org.accord.documents;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything GB/T 9704-2012 places on the page of an issued document (or of minutes), already in final
 * form: the renderers lay it out, they decide nothing.
 *
 * @param genre the genre; MINUTES uses the special minutes layout (heading "…纪要", no seal)
 * @param issuerMark the issuer mark printed in red (发文机关标志), e.g. "示例市人民政府办公室文件"
 * @param number the document number (发文字号), e.g. "示例府办发〔2026〕12号"
 * @param signers the signers (签发人) of an upward document, shown in the header; empty otherwise
 * @param urgency 特急 / 加急, or null
 * @param classification the classification marking (密级和保密期限), or null
 * @param copyNumber the copy number (份号), or null
 * @param title the title
 * @param mainAddressees the main addressees line, e.g. "各区人民政府，市政府各部门："
 * @param body the body paragraphs
 * @param attachments the attachments' names, in order
 * @param issuerSignature the issuer's name at the end (发文机关署名)
 * @param date the date (成文日期)
 * @param note the note (附注), or null
 * @param copyTo the copy-to units
 * @param printingUnit the printing unit (印发机关)
 * @param printingDate the printing date (印发日期)
 * @param present minutes only: 出席
 * @param excused minutes only: 请假
 * @param observers minutes only: 列席
 */
record DocumentLayout(
        Genre genre,
        String issuerMark,
        @Nullable String number,
        List<String> signers,
        @Nullable String urgency,
        @Nullable String classification,
        @Nullable String copyNumber,
        String title,
        String mainAddressees,
        List<String> body,
        List<String> attachments,
        String issuerSignature,
        LocalDate date,
        @Nullable String note,
        List<String> copyTo,
        String printingUnit,
        LocalDate printingDate,
        List<String> present,
        List<String> excused,
        List<String> observers) {

    DocumentLayout {
        signers = signers == null ? List.of() : List.copyOf(signers);
        body = body == null ? List.of() : List.copyOf(body);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        copyTo = copyTo == null ? List.of() : List.copyOf(copyTo);
        present = present == null ? List.of() : List.copyOf(present);
        excused = excused == null ? List.of() : List.copyOf(excused);
        observers = observers == null ? List.of() : List.copyOf(observers);
        title = title == null ? "" : title;
        mainAddressees = mainAddressees == null ? "" : mainAddressees;
        issuerMark = issuerMark == null ? "" : issuerMark;
        issuerSignature = issuerSignature == null ? "" : issuerSignature;
        printingUnit = printingUnit == null ? "" : printingUnit;
    }
}
