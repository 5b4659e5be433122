package org.accord.directory;

import java.util.Arrays;
import java.util.Optional;

/** The leaders of a government, highest first; the order decides direction between leaders. */
public enum LeaderTitle {
    MAYOR("市长"),
    EXECUTIVE_VICE_MAYOR("常务副市长"),
    VICE_MAYOR("副市长"),
    SECRETARY_GENERAL("秘书长");

    private final String label;

    LeaderTitle(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    boolean outranks(LeaderTitle other) {
        return ordinal() < other.ordinal();
    }

    static Optional<LeaderTitle> fromLabel(String label) {
        return Arrays.stream(values())
                .filter(title -> title.label.equals(label) || title.name().equalsIgnoreCase(label))
                .findFirst();
    }
}
