package org.accord.calendar;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    CalendarSeed calendarSeed(
            SpecialDays days, CalendarImports imports, PlatformTransactionManager transactionManager) {
        return new CalendarSeed(days, imports, new TransactionTemplate(transactionManager));
    }

    /** Seeds an empty calendar first, then loads it into memory. */
    @Bean
    WorkingCalendar workingCalendar(
            CalendarSeed seed,
            SpecialDays days,
            @Value("${accord.calendar.office-hours:08:30-12:00,14:30-17:30}") String officeHours,
            @Value("${accord.calendar.zone:Asia/Shanghai}") String zone,
            @Value("${accord.calendar.refresh-after:5m}") String refreshAfter) {
        seed.seedIfNeeded();
        OfficeHours hours = OfficeHours.parse(officeHours);
        ZoneId zoneId = ZoneId.of(zone);
        return new WorkingCalendar(
                () -> new WorkingDays(
                        days.findAll().stream()
                                .map(CalendarSpecialDay::toSpecialDay)
                                .toList(),
                        hours,
                        zoneId),
                DurationStyle.detectAndParse(refreshAfter));
    }
}
