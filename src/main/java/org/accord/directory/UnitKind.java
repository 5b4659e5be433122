package org.accord.directory;

import java.util.Arrays;
import java.util.Optional;

/** What a unit is; the label is the word used in directory files (单位类别). */
public enum UnitKind {
    GOVERNMENT("人民政府"),
    GENERAL_OFFICE("政府办公厅（室）"),
    SECTION("内设科室"),
    DEPARTMENT("工作部门"),
    ENTERPRISE("国有企业"),
    PEER_AGENCY("平行机关");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Optional<UnitKind> fromLabel(String label) {
        return Arrays.stream(values())
                .filter(kind -> kind.label.equals(label) || kind.name().equalsIgnoreCase(label))
                .findFirst();
    }
}
