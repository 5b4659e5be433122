package org.accord.review;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A periodic review (回顾小结) of a person or a unit: the text as generated, the text as it reads now (edited by its
 * owner or the office), the statements it rests on with a link to each item, and the period's figures.
 */
record Summary(
        long id,
        Subject subject,
        long subjectId,
        String subjectName,
        SummaryPeriod period,
        String generatedText,
        String body,
        String generatedBy,
        Instant generatedAt,
        @Nullable String editedBy,
        @Nullable Instant editedAt,
        List<Item> items,
        List<Figure> figures) {

    enum Subject {
        PERSON,
        UNIT
    }

    /** WELL: what went well; LATE: what was late. */
    enum Section {
        WELL,
        LATE
    }

    enum ItemKind {
        TASK_ON_TIME(Section.WELL),
        RULING(Section.WELL),
        TASK_LATE(Section.LATE),
        TASK_OVERDUE(Section.LATE);

        final Section section;

        ItemKind(Section section) {
            this.section = section;
        }
    }

    /** One statement of the summary and the item it names. */
    record Item(ItemKind kind, long refId, String statement, String link) {

        public Section section() {
            return kind.section;
        }
    }

    record Figure(String label, String value) {}

    public boolean edited() {
        return editedAt != null;
    }

    public String title() {
        return subjectName + " " + period.label() + "回顾小结";
    }

    public List<Item> items(Section section) {
        return items.stream().filter(item -> item.section() == section).toList();
    }
}
