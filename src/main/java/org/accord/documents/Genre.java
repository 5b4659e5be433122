package org.accord.documents;

import java.util.ArrayList;
import java.util.List;
import org.accord.directory.Direction;

/**
 * The genres (文种) of 《党政机关公文处理工作条例》 Article 8 that Accord drafts, with the word the title ends
 * in and the directions each genre fits.
 */
enum Genre {
    REQUEST("请示"),
    REPORT("报告"),
    NOTICE("通知"),
    BULLETIN("通报"),
    REPLY("批复"),
    LETTER("函"),
    MINUTES("纪要"),
    OPINION("意见"),
    DECISION("决定");

    private final String word;

    Genre(String word) {
        this.word = word;
    }

    /** The genre's name as a title ends with it (…的请示, …纪要). */
    String word() {
        return word;
    }

    /**
     * Whether a document of this genre may go in this direction. Article 8 defines each genre by whom it
     * goes to: 请示 and 报告 to a superior (上级机关); 批复 answers a subordinate's 请示; 决定, 通知 and 通报 go
     * to subordinates (and within one institution, to its own sections); 函 goes between units without a
     * line of authority (不相隶属机关); 意见 may go up, down or across, and 纪要 records a meeting for whoever
     * must know or carry out its decisions.
     */
    boolean fits(Direction direction) {
        switch (this) {
            case REQUEST:
            case REPORT:
                return direction == Direction.UP;
            case NOTICE:
            case BULLETIN:
            case REPLY:
            case DECISION:
                return direction == Direction.DOWN || direction == Direction.INTERNAL;
            case LETTER:
                return direction == Direction.PARALLEL || direction == Direction.INTERNAL;
            case MINUTES:
            case OPINION:
            default:
                return true;
        }
    }

    /** The genres that fit a direction, for suggesting one when a document's genre does not. */
    static List<Genre> suitedTo(Direction direction) {
        List<Genre> suited = new ArrayList<>();
        for (Genre genre : values()) {
            if (genre.fits(direction) && genre != MINUTES) {
                suited.add(genre);
            }
        }
        return suited;
    }
}
