package org.accord.documents;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A document as the rules check it: its elements as written, units by their names in the directory. This
 * is also the JSON body of {@code POST /api/documents/check}.
 *
 * @param genre the genre
 * @param issuer the issuing unit's name (发文机关)
 * @param mainAddressees the main addressees' names (主送)
 * @param copyTo the copy-to units' names (抄送)
 * @param title the title
 * @param number the document number as written (示例府办发〔2026〕12号), if any yet
 * @param date the date as written (2026年3月5日), if any yet
 * @param body the body as plain text
 * @param attachments the attachments' names
 */
record DocumentText(
        Genre genre,
        String issuer,
        List<String> mainAddressees,
        List<String> copyTo,
        String title,
        @Nullable String number,
        @Nullable String date,
        String body,
        List<String> attachments) {

    DocumentText {
        mainAddressees = mainAddressees == null ? List.of() : List.copyOf(mainAddressees);
        copyTo = copyTo == null ? List.of() : List.copyOf(copyTo);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        issuer = issuer == null ? "" : issuer;
    }
}
