package org.accord.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.documents.TextDifference.Kind;
import org.accord.documents.TextDifference.Segment;
import org.junit.jupiter.api.Test;

class TextDifferenceTest {

    @Test
    void chineseIsComparedCharacterByCharacterWithoutWords() {
        List<Segment> segments = TextDifference.between("由市住建局牵头于十二月底前完成", "由市住建局会同市财政局于一月底前完成");
        assertThat(segments)
                .containsExactly(
                        new Segment(Kind.SAME, "由市住建局"),
                        new Segment(Kind.DELETED, "牵头"),
                        new Segment(Kind.INSERTED, "会同市财政局"),
                        new Segment(Kind.SAME, "于"),
                        new Segment(Kind.DELETED, "十二"),
                        new Segment(Kind.INSERTED, "一"),
                        new Segment(Kind.SAME, "月底前完成"));
    }

    @Test
    void theNewerTextIsTheSameAndInsertedSegmentsTheOlderTheSameAndDeleted() {
        String older = "会议原则同意改造方案。\n会议要求：抓紧推进。";
        String newer = "会议同意改造方案，排水同步推进。\n会议要求：务必抓紧推进。";
        List<Segment> segments = TextDifference.between(older, newer);
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (Segment segment : segments) {
            if (!segment.inserted()) {
                before.append(segment.text());
            }
            if (!segment.deleted()) {
                after.append(segment.text());
            }
        }
        assertThat(before.toString()).isEqualTo(older);
        assertThat(after.toString()).isEqualTo(newer);
    }

    @Test
    void spacesAreCharactersLikeAnyOther() {
        assertThat(TextDifference.between("市 住建局", "市住建局"))
                .containsExactly(
                        new Segment(Kind.SAME, "市"), new Segment(Kind.DELETED, " "), new Segment(Kind.SAME, "住建局"));
    }

    @Test
    void onlyAChangeBeyondWhiteSpaceIsSubstantive() {
        assertThat(TextDifference.substantive("确保群众温暖过冬。", "确保群众温暖过冬。\n")).isFalse();
        assertThat(TextDifference.substantive("确保群众温暖过冬。", "确保全市群众温暖过冬。")).isTrue();
    }

    @Test
    void aCharacterOutsideTheBasicPlaneStaysWhole() {
        assertThat(TextDifference.between("𠀀甲", "𠀁甲"))
                .containsExactly(
                        new Segment(Kind.DELETED, "𠀀"), new Segment(Kind.INSERTED, "𠀁"), new Segment(Kind.SAME, "甲"));
    }

    @Test
    void aQuoteIsFoundAgainNearWhereItStoodOrOrphaned() {
        String text = "甲乙丙。甲乙丙。";
        assertThat(Anchor.find(text, "甲乙丙", 4).start()).isEqualTo(4);
        assertThat(Anchor.find(text, "甲乙丙", 0).start()).isZero();
        assertThat(Anchor.find(text, "丁戊", 0).orphaned()).isTrue();
    }
}
