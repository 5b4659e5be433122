package org.accord.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The direction rule on the demo city, read from the same files the demo loads. */
class DirectionRuleTest {

    static OrgChart chart;
    static DirectionRule rule;

    @BeforeAll
    static void readDemoCity() throws IOException {
        DirectoryFile file = DirectoryFileReader.read(DemoDirectory.files());
        assertThat(file.errors()).isEmpty();
        chart = new OrgChart(file.units(), file.people());
        rule = new DirectionRule(chart);
    }

    private static Direction between(String from, String to) {
        return rule.between(end(from), end(to));
    }

    /** A code of a person (P…) speaks as that person; any other code is a unit. */
    private static DirectionRule.End end(String code) {
        return code.startsWith("P")
                ? rule.endOf(chart.person(code).orElseThrow())
                : DirectionRule.End.unit(chart.unit(code).orElseThrow().code());
    }

    static final String MAYOR = "P0001";
    static final String EXECUTIVE_VICE_MAYOR = "P0002";
    static final String VICE_MAYOR_CHEN = "P0003"; // oversees 住建局, 水利局, 城管局 …
    static final String VICE_MAYOR_LIU = "P0004"; // oversees 卫健委, 教育局 …
    static final String SECRETARY_GENERAL = "P0006";

    @Test
    void aSectionWritesUpToAViceMayor() {
        assertThat(between("SZFB-MSK", VICE_MAYOR_CHEN)).isEqualTo(Direction.UP);
    }

    @Test
    void aViceMayorWritesDownToTheSection() {
        assertThat(between(VICE_MAYOR_CHEN, "SZFB-MSK")).isEqualTo(Direction.DOWN);
    }

    @Test
    void aDistrictOfficeWritesDownToItsOwnDistrictsBureau() {
        assertThat(between("DCQ-BGS", "DCQ-ZJJ")).isEqualTo(Direction.DOWN);
        assertThat(between("DCQ-ZJJ", "DCQ-BGS")).isEqualTo(Direction.UP);
    }

    @Test
    void aDistrictOfficeToAnotherDistrictsBureauIsParallel() {
        assertThat(between("DCQ-BGS", "XHQ-ZJJ")).isEqualTo(Direction.PARALLEL);
    }

    @Test
    void theOfficeToAPeerAgencyIsParallel() {
        assertThat(between("SZFB", "SWBGS")).isEqualTo(Direction.PARALLEL);
        assertThat(between("SZFB-ZZBS", "JFQ")).isEqualTo(Direction.PARALLEL);
        assertThat(between("JFQ", "SZFB")).isEqualTo(Direction.PARALLEL);
    }

    @Test
    void aLeaderToAUnitHeDoesNotOverseeIsStillDown() {
        assertThat(chart.overseerOf("WJW").orElseThrow().code()).isEqualTo(VICE_MAYOR_LIU);
        assertThat(between(VICE_MAYOR_CHEN, "WJW")).isEqualTo(Direction.DOWN);
        assertThat(between(VICE_MAYOR_CHEN, "ZJJ")).isEqualTo(Direction.DOWN);
    }

    @Test
    void aLeaderToADistrictBureauIsDown() {
        assertThat(between(VICE_MAYOR_CHEN, "NSQ-YJJ")).isEqualTo(Direction.DOWN);
    }

    @Test
    void betweenLeadersTheRankDecides() {
        assertThat(between(MAYOR, VICE_MAYOR_CHEN)).isEqualTo(Direction.DOWN);
        assertThat(between(VICE_MAYOR_CHEN, MAYOR)).isEqualTo(Direction.UP);
        assertThat(between(EXECUTIVE_VICE_MAYOR, VICE_MAYOR_LIU)).isEqualTo(Direction.DOWN);
        assertThat(between(VICE_MAYOR_CHEN, VICE_MAYOR_LIU)).isEqualTo(Direction.INTERNAL);
        assertThat(between(SECRETARY_GENERAL, VICE_MAYOR_CHEN)).isEqualTo(Direction.UP);
    }

    @Test
    void sectionsOfTheOfficeAreInternalToEachOtherAndToTheOffice() {
        assertThat(between("SZFB-MSK", "SZFB-DCK")).isEqualTo(Direction.INTERNAL);
        assertThat(between("SZFB-HWK", "SZFB")).isEqualTo(Direction.INTERNAL);
        assertThat(between("SZFB", "SZFB-XZK")).isEqualTo(Direction.INTERNAL);
    }

    @Test
    void theOfficeAndItsSectionsSpeakDownToTheGovernmentsUnits() {
        assertThat(between("SZFB", "ZJJ")).isEqualTo(Direction.DOWN);
        assertThat(between("SZFB-DCK", "ZJJ-CSJSK")).isEqualTo(Direction.DOWN);
        assertThat(between("SZFB-RXB", "DCQ")).isEqualTo(Direction.DOWN);
        assertThat(between("SZFB", "SWJT")).isEqualTo(Direction.DOWN);
        assertThat(between("ZJJ", "SZFB-MSK")).isEqualTo(Direction.UP);
        assertThat(between("DCQ-ZJJ", "SZFB")).isEqualTo(Direction.UP);
    }

    @Test
    void aBureauToAnotherBureauOfTheSameGovernmentIsParallel() {
        assertThat(between("ZJJ", "SLJ")).isEqualTo(Direction.PARALLEL);
        assertThat(between("CGJ", "ZJJ-CSJSK")).isEqualTo(Direction.PARALLEL);
    }

    @Test
    void aUnitToItsOwnSectionIsInternalAndToWhatItContainsDown() {
        assertThat(between("ZJJ", "ZJJ-CSJSK")).isEqualTo(Direction.INTERNAL);
        assertThat(between("GZW", "CTJT")).isEqualTo(Direction.DOWN);
        assertThat(between("CTJT", "GZW")).isEqualTo(Direction.UP);
    }

    @Test
    void aCityBureauToTheSameBureauOfADistrictIsDownAndBackUp() {
        assertThat(between("ZJJ", "DCQ-ZJJ")).isEqualTo(Direction.DOWN);
        assertThat(between("DCQ-ZJJ", "ZJJ")).isEqualTo(Direction.UP);
    }

    @Test
    void theCityToTheProvinceIsUp() {
        assertThat(between("SZFB", "SHENG-BGT")).isEqualTo(Direction.UP);
        assertThat(between(MAYOR, "SHENG")).isEqualTo(Direction.UP);
        assertThat(between("SHENG-BGT", "SZFB")).isEqualTo(Direction.DOWN);
        assertThat(between("SHENG-BGT", "DCQ-YJJ")).isEqualTo(Direction.DOWN);
    }

    @Test
    void theGovernmentAsABodyIsAboveItsOffice() {
        assertThat(between("SZFB", "SZF")).isEqualTo(Direction.UP);
        assertThat(between("SZF", "ZJJ")).isEqualTo(Direction.DOWN);
    }

    @Test
    void aLiaisonSpeaksForTheirUnit() {
        String liaisonOfHousingBureau = "P0076";
        assertThat(chart.person(liaisonOfHousingBureau).orElseThrow().unitCode())
                .isEqualTo("ZJJ");
        assertThat(between(liaisonOfHousingBureau, "SZFB-MSK")).isEqualTo(Direction.UP);
        assertThat(between(liaisonOfHousingBureau, "SLJ")).isEqualTo(Direction.PARALLEL);
    }

    @Test
    void aUnitToItselfIsInternal() {
        assertThat(between("ZJJ", "ZJJ")).isEqualTo(Direction.INTERNAL);
    }

    @Test
    void mattersOfASectionRouteToTheLeaderOverseeingItsUnit() {
        assertThat(chart.overseerOf("SLJ-FHK").orElseThrow().code()).isEqualTo(VICE_MAYOR_CHEN);
        assertThat(chart.overseerOf("SWBGS")).isEmpty();
    }
}
