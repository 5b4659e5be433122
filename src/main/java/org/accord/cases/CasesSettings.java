package org.accord.cases;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the 12345 loop ({@code accord.cases.*}), all configurable.
 *
 * @param duplicateWindowDays how far back intake looks for possible duplicates
 * @param returnWithinWorkingDays how long after dispatch a unit may still return its share
 * @param remindBeforeWorkingDays the reminder's distance before the deadline
 * @param urgeAfterWorkingDays when the 催办 notice goes out after the deadline
 * @param bulletinAfterWorkingDays overdue working days before a bulletin (通报)
 * @param escalateAfterReopens reopenings before a case is escalated (提级督办)
 * @param headPosts the positions (职务) that make a person the head of their unit, who approves its replies
 * @param numberPrefix what every case number starts with, before the date
 * @param publicPerHour web-form submissions accepted per client address per hour
 * @param clockStart where the case rules' clock starts (unset: the system clock); see {@link CaseClock}
 */
@ConfigurationProperties("accord.cases")
record CasesSettings(
        @DefaultValue("30") int duplicateWindowDays,
        @DefaultValue("1") int returnWithinWorkingDays,
        @DefaultValue("1") int remindBeforeWorkingDays,
        @DefaultValue("1") int urgeAfterWorkingDays,
        @DefaultValue("5") int bulletinAfterWorkingDays,
        @DefaultValue("3") int escalateAfterReopens,
        @DefaultValue({"局长", "主任", "区长", "董事长", "支队长"}) List<String> headPosts,
        @DefaultValue("12345") String numberPrefix,
        @DefaultValue("5") int publicPerHour,
        @Nullable Instant clockStart) {}
