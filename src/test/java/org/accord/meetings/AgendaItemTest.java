package org.accord.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgendaItemTest {

    static String number(int n) {
        return new AgendaItem(1, n, "议题", "", null, null).chineseNumber();
    }

    @Test
    void aNoticeNumbersItemsInChinese() {
        assertThat(number(1)).isEqualTo("一");
        assertThat(number(9)).isEqualTo("九");
        assertThat(number(10)).isEqualTo("十");
        assertThat(number(11)).isEqualTo("十一");
        assertThat(number(20)).isEqualTo("二十");
        assertThat(number(35)).isEqualTo("三十五");
    }
}
