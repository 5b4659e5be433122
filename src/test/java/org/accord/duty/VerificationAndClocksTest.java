package org.accord.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of verification, forwarding and the report clocks, without the application. */
class VerificationAndClocksTest {

    static final List<String> HEDGES = List.of("据说", "听说", "网传", "疑似", "可能", "大概", "估计");
    static final Instant RECEIVED = Instant.parse("2026-11-27T01:15:30Z");
    static final List<ClockRule> RULES = List.of(
            new ClockRule("*", Level.II, ClockChannel.PHONE, 30, 10),
            new ClockRule("*", Level.II, ClockChannel.WRITTEN, 60, 15),
            new ClockRule("*", Level.III, ClockChannel.PHONE, 60, 15),
            new ClockRule("HILL", Level.III, ClockChannel.PHONE, 45, 10));

    @Test
    void anAuthoritativeReporterWithPlainTextNeedsNoVerification() {
        VerificationAdvice advice = VerificationAdvice.of(HEDGES, true, null, "东城区建设路12号一栋三层居民楼垮塌", "");
        assertThat(advice.advised()).isFalse();
    }

    @Test
    void aResidentIsVerified() {
        VerificationAdvice advice = VerificationAdvice.of(HEDGES, false, "", "居民楼垮塌");
        assertThat(advice.advised()).isTrue();
        assertThat(advice.notAuthoritative()).isTrue();
        assertThat(advice.hedges()).isEmpty();
    }

    @Test
    void hedgingWordsAndDoubtfulPointsAdviseVerificationEvenFromAnAuthoritativeUnit() {
        VerificationAdvice hedged = VerificationAdvice.of(HEDGES, true, null, "网传有人被困，疑似燃气爆炸，可能三人受伤");
        assertThat(hedged.advised()).isTrue();
        assertThat(hedged.hedges()).containsExactly("网传", "疑似", "可能");
        VerificationAdvice doubtful = VerificationAdvice.of(HEDGES, true, "伤亡人数未经确认", "居民楼垮塌");
        assertThat(doubtful.advised()).isTrue();
        assertThat(doubtful.doubtful()).isTrue();
    }

    @Test
    void verificationMovesForwardAndRecordsNoReturn() {
        Incident incident = incident(Level.II, false, VerificationState.UNVERIFIED);
        incident.changeVerification(VerificationState.VERIFYING);
        Incident verifying = with(incident, VerificationState.VERIFYING);
        verifying.changeVerification(VerificationState.VERIFIED);
        Incident verified = with(incident, VerificationState.VERIFIED);
        assertThatThrownBy(() -> verified.changeVerification(VerificationState.FALSE))
                .isInstanceOf(DutyRefused.VerificationAlreadySettled.class);
        assertThatThrownBy(() -> verifying.changeVerification(VerificationState.UNVERIFIED))
                .isInstanceOf(DutyRefused.VerificationAlreadySettled.class);
        Incident unverifiable = with(incident, VerificationState.UNVERIFIABLE);
        unverifiable.changeVerification(VerificationState.VERIFIED);
    }

    @Test
    void aLevelTwoReportFromANonAuthoritativeReporterIsStillReportedWithinThirtyMinutes() {
        Incident incident = incident(Level.II, true, VerificationState.UNVERIFIED);
        Map<Level, Boolean> waitEverywhere = Map.of(Level.I, true, Level.II, true, Level.III, true, Level.IV, true);
        // Verification never holds back the first report of a major incident, whatever the setting.
        assertThat(incident.forwardingWaits(waitEverywhere)).isFalse();
        ReportClocks clocks = new ReportClocks(RULES);
        ReportClocks.Clock phone = clocks.clock(
                        "CITY", Level.II, ClockChannel.PHONE, RECEIVED, null, RECEIVED.plus(Duration.ofMinutes(25)))
                .orElseThrow();
        assertThat(phone.due()).isEqualTo(RECEIVED.plus(Duration.ofMinutes(30)));
        assertThat(phone.state()).isEqualTo(ReportClocks.State.WARNING);
        ReportClocks.Clock written = clocks.clock(
                        "CITY", Level.II, ClockChannel.WRITTEN, RECEIVED, null, RECEIVED.plus(Duration.ofMinutes(25)))
                .orElseThrow();
        assertThat(written.due()).isEqualTo(RECEIVED.plus(Duration.ofHours(1)));
        assertThat(written.state()).isEqualTo(ReportClocks.State.RUNNING);
        // Still unverified, the certainty it goes up with is never "Observed".
        assertThat(incident.verification().capCertainty(true)).isEqualTo("Possible");
    }

    @Test
    void lowerLevelsWaitForVerificationOnlyWhereSetAndOnlyWhileUnsettled() {
        Map<Level, Boolean> setting = Map.of(Level.III, true, Level.IV, false);
        assertThat(incident(Level.III, true, VerificationState.UNVERIFIED).forwardingWaits(setting))
                .isTrue();
        assertThat(incident(Level.III, true, VerificationState.VERIFYING).forwardingWaits(setting))
                .isTrue();
        assertThat(incident(Level.III, true, VerificationState.VERIFIED).forwardingWaits(setting))
                .isFalse();
        assertThat(incident(Level.III, false, VerificationState.UNVERIFIED).forwardingWaits(setting))
                .isFalse();
        assertThat(incident(Level.IV, true, VerificationState.UNVERIFIED).forwardingWaits(setting))
                .isFalse();
    }

    @Test
    void clocksWarnThenAlarmAndStopWhenReported() {
        Instant due = RECEIVED.plus(Duration.ofMinutes(30));
        Instant warn = due.minus(Duration.ofMinutes(10));
        assertThat(ReportClocks.state(due, warn, null, RECEIVED)).isEqualTo(ReportClocks.State.RUNNING);
        assertThat(ReportClocks.state(due, warn, null, warn)).isEqualTo(ReportClocks.State.WARNING);
        assertThat(ReportClocks.state(due, warn, null, due)).isEqualTo(ReportClocks.State.OVERDUE);
        assertThat(ReportClocks.state(due, warn, due.minusSeconds(1), due.plusSeconds(600)))
                .isEqualTo(ReportClocks.State.MET);
        assertThat(ReportClocks.state(due, warn, due.plusSeconds(1), due.plusSeconds(600)))
                .isEqualTo(ReportClocks.State.MET_LATE);
    }

    @Test
    void aJurisdictionsOwnRuleWinsOverTheGeneralOne() {
        ReportClocks clocks = new ReportClocks(RULES);
        assertThat(clocks.rule("HILL", Level.III, ClockChannel.PHONE)
                        .orElseThrow()
                        .minutes())
                .isEqualTo(45);
        assertThat(clocks.rule("CITY", Level.III, ClockChannel.PHONE)
                        .orElseThrow()
                        .minutes())
                .isEqualTo(60);
        assertThat(clocks.rule("CITY", Level.IV, ClockChannel.PHONE)).isEmpty();
    }

    @Test
    void certaintyFollowsVerification() {
        assertThat(VerificationState.UNVERIFIED.capCertainty(false)).isEqualTo("Likely");
        assertThat(VerificationState.VERIFYING.capCertainty(true)).isEqualTo("Possible");
        assertThat(VerificationState.VERIFIED.capCertainty(true)).isEqualTo("Observed");
        assertThat(VerificationState.UNVERIFIABLE.capCertainty(true)).isEqualTo("Unknown");
        assertThat(VerificationState.FALSE.capCertainty(true)).isEqualTo("Unlikely");
    }

    static Incident incident(Level level, boolean advised, VerificationState state) {
        return new Incident(
                1,
                1,
                false,
                "建设路居民楼垮塌",
                RECEIVED,
                RECEIVED,
                31,
                null,
                "王女士",
                null,
                "13800000000",
                false,
                IntakeChannel.PHONE,
                EventClass.ACCIDENT,
                "房屋垮塌",
                level,
                null,
                null,
                "CITY",
                "建设路12号",
                "听说一栋居民楼垮塌",
                0,
                0,
                0,
                null,
                null,
                state,
                advised,
                null,
                IncidentStatus.OPEN,
                null,
                null,
                null);
    }

    static Incident with(Incident incident, VerificationState state) {
        return incident(incident.level(), incident.verificationAdvised(), state);
    }
}
