package org.accord.duty;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the duty module ({@code accord.duty.*}); every one has a default. See docs/duty.md.
 *
 * @param hedgingWords words that make a report's text doubtful, so that verification is advised
 * @param waitForVerification the levels whose first report waits for verification when it is advised (never I or
 *     II: those go up at once, marked 未核实)
 * @param escalateAfter how long a leader has to acknowledge before the next leader is told
 * @param remindAfter how long a unit has to acknowledge before it is reminded
 * @param escalationChain the leaders told next, in order, by their title ({@code SECRETARY_GENERAL}, {@code MAYOR} …)
 * @param superiorOffice the directory code of the superior duty office reports go up to
 * @param jurisdiction the jurisdiction of the report clock rules this office follows
 * @param capSender the CAP {@code sender} of this duty office
 * @param shiftStart when a day's shift starts (and the previous one ends)
 * @param sensitivePeriods periods that need double staffing, as {@code 2026-12-24/2026-12-26}
 */
@ConfigurationProperties("accord.duty")
record DutyProperties(
        @DefaultValue({"据说", "听说", "网传", "疑似", "可能", "大概", "估计", "好像", "不确定", "初步判断"})
        List<String> hedgingWords,

        @DefaultValue({"III", "IV"}) Set<Level> waitForVerification,
        @DefaultValue("5m") Duration escalateAfter,
        @DefaultValue("10m") Duration remindAfter,

        @DefaultValue({"SECRETARY_GENERAL", "EXECUTIVE_VICE_MAYOR", "MAYOR"})
        List<String> escalationChain,

        @DefaultValue("SHENG") String superiorOffice,
        @DefaultValue("CITY") String jurisdiction,
        @DefaultValue("zzbs@shili.example") String capSender,
        @DefaultValue("08:30") LocalTime shiftStart,
        @DefaultValue List<String> sensitivePeriods) {

    /** Whether a day falls in a sensitive period. */
    boolean sensitive(LocalDate day) {
        for (String period : sensitivePeriods) {
            String[] ends = period.strip().split("/");
            if (ends.length == 2) {
                LocalDate from = LocalDate.parse(ends[0].strip());
                LocalDate to = LocalDate.parse(ends[1].strip());
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    return true;
                }
            }
        }
        return false;
    }
}
