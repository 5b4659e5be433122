package org.accord.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CAP 1.2 messages of each kind, validated against the official schema. */
class CapMessagesTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    final CapMessages cap = new CapMessages("zzbs@shili.example", "示例市人民政府总值班室", "内部报送", ZONE);

    @Test
    void anAlertOfAnUnverifiedLevelTwoIncidentIsValidAndNotObserved() throws Exception {
        Incident incident = VerificationAndClocksTest.incident(Level.II, true, VerificationState.UNVERIFIED);
        String xml = cap.write(
                incident,
                content(incident, "Alert", List.of(), incident.verification().capCertainty(true)));
        CapSchema.validate(xml);
        assertThat(xml)
                .contains("<msgType>Alert</msgType>")
                .contains("<status>Actual</status>")
                .contains("<severity>Severe</severity>")
                .contains("<urgency>Immediate</urgency>")
                .contains("<certainty>Possible</certainty>")
                .contains("<category>Infra</category>")
                .contains("<language>zh-CN</language>")
                .contains("<sent>2026-11-27T09:15:30+08:00</sent>")
                .doesNotContain("Observed");
    }

    @Test
    void anUpdateAndACancelReferenceTheEarlierMessagesAndADrillIsAnExercise() throws Exception {
        Incident real = VerificationAndClocksTest.incident(Level.III, false, VerificationState.VERIFIED);
        Incident drill = new Incident(
                2,
                2,
                true,
                real.title(),
                real.receivedAt(),
                real.recordedAt(),
                31,
                null,
                "王女士",
                null,
                null,
                false,
                IntakeChannel.PHONE,
                EventClass.NATURAL_DISASTER,
                "暴雨洪涝",
                Level.I,
                null,
                null,
                "CITY",
                "河堤",
                "河堤出现管涌",
                0,
                0,
                0,
                null,
                null,
                VerificationState.FALSE,
                true,
                null,
                IncidentStatus.ENDED,
                null,
                null,
                null);
        String first = "zzbs@shili.example,ACCORD-DUTY-1-1,2026-11-27T09:40:00+08:00";
        String update = cap.write(real, content(real, "Update", List.of(first), "Observed"));
        CapSchema.validate(update);
        assertThat(update)
                .contains("<references>" + first + "</references>")
                .contains("<certainty>Observed</certainty>");
        String cancel =
                cap.write(drill, content(drill, "Cancel", List.of(first, first.replace("-1-1", "-1-2")), "Unlikely"));
        CapSchema.validate(cancel);
        assertThat(cancel)
                .contains("<status>Exercise</status>")
                .contains("<msgType>Cancel</msgType>")
                .contains("<category>Met</category>")
                .contains("<severity>Extreme</severity>");
    }

    @Test
    void theSchemaCatchesABrokenMessage() {
        Incident incident = VerificationAndClocksTest.incident(Level.II, true, VerificationState.UNVERIFIED);
        String broken = cap.write(incident, content(incident, "Alert", List.of(), "Possible"))
                .replace("<certainty>Possible</certainty>", "<certainty>Probably</certainty>");
        assertThatThrownBy(() -> CapSchema.validate(broken)).hasMessageContaining("Probably");
    }

    private CapMessages.Content content(Incident incident, String type, List<String> references, String certainty) {
        return new CapMessages.Content(
                cap.identifier(incident, references.size() + 1),
                Instant.parse("2026-11-27T01:15:30Z"),
                type,
                references,
                certainty,
                incident.title(),
                incident.what(),
                "陈志华：全力搜救",
                "东城区 " + incident.place(),
                "核实状态：" + incident.verification());
    }
}
