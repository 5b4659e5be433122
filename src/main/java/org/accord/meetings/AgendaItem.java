package org.accord.meetings;

import org.jspecify.annotations.Nullable;

/** One agenda item; its kernel point (if positions were asked on it) and, once held, its outcome. */
record AgendaItem(
        long id,
        int number,
        String title,
        String presenter,
        @Nullable Long pointId,
        @Nullable String outcome) {

    private static final String DIGITS = "零一二三四五六七八九";

    /** The number as a notice writes it: 一, 二 … 十, 十一 … 九十九. */
    public String chineseNumber() {
        if (number < 1 || number > 99) {
            return String.valueOf(number);
        }
        int tens = number / 10;
        int ones = number % 10;
        String result = tens == 0 ? "" : (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens))) + "十";
        return ones == 0 ? result : result + DIGITS.charAt(ones);
    }
}
