package org.accord.documents;

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

    /** Whether a document of this genre may go in this direction (Article 8 and Articles 14–17). */
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
            default:
                return true;
        }
    }
}
