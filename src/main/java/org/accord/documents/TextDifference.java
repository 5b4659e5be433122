package org.accord.documents;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * The difference between two texts, character by character: Chinese has no spaces between words, so the
 * comparison never splits on words, and a changed character is shown as deleted and inserted where it is.
 */
final class TextDifference {

    enum Kind {
        SAME,
        INSERTED,
        DELETED
    }

    /** A run of characters that are the same in both texts, only in the newer, or only in the older. */
    record Segment(Kind kind, String text) {

        public boolean inserted() {
            return kind == Kind.INSERTED;
        }

        public boolean deleted() {
            return kind == Kind.DELETED;
        }
    }

    private TextDifference() {}

    /** The newer text as a run of segments, with what the older had and the newer lost marked as deleted. */
    static List<Segment> between(String older, String newer) {
        List<String> before = characters(older);
        List<String> after = characters(newer);
        Patch<String> patch = DiffUtils.diff(before, after);
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            add(segments, Kind.SAME, before.subList(position, start));
            add(segments, Kind.DELETED, delta.getSource().getLines());
            add(segments, Kind.INSERTED, delta.getTarget().getLines());
            position = start + delta.getSource().size();
        }
        add(segments, Kind.SAME, before.subList(position, before.size()));
        return segments;
    }

    /** Whether the two texts differ in more than white space. */
    static boolean substantive(String older, String newer) {
        return !older.replaceAll("\\s+", "").equals(newer.replaceAll("\\s+", ""));
    }

    private static void add(List<Segment> segments, Kind kind, List<String> characters) {
        if (characters.isEmpty()) {
            return;
        }
        String text = String.join("", characters);
        int last = segments.size() - 1;
        if (last >= 0 && segments.get(last).kind() == kind) {
            segments.set(last, new Segment(kind, segments.get(last).text() + text));
        } else {
            segments.add(new Segment(kind, text));
        }
    }

    /** Code points, so a character outside the basic plane stays whole. */
    private static List<String> characters(String text) {
        return text.codePoints().mapToObj(Character::toString).toList();
    }
}
