package org.accord.duty;

import java.util.EnumSet;
import java.util.Set;

/** 未核实 → 核实中 → 已核实 / 不属实 / 无法核实. */
enum VerificationState {
    UNVERIFIED,
    VERIFYING,
    VERIFIED,
    FALSE,
    UNVERIFIABLE;

    /** Where a verification may go from here: a settled state stays, except that what could not be verified may be later. */
    public Set<VerificationState> next() {
        switch (this) {
            case UNVERIFIED:
                return EnumSet.of(VERIFYING, VERIFIED, FALSE, UNVERIFIABLE);
            case VERIFYING:
                return EnumSet.of(VERIFIED, FALSE, UNVERIFIABLE);
            case UNVERIFIABLE:
                return EnumSet.of(VERIFIED, FALSE);
            default:
                return EnumSet.noneOf(VerificationState.class);
        }
    }

    public boolean settled() {
        return this == VERIFIED || this == FALSE || this == UNVERIFIABLE;
    }

    /**
     * The CAP certainty: Observed only once verified; before that Likely from an authoritative reporter with
     * nothing doubtful, else Possible; Unknown when it cannot be verified; Unlikely when found false.
     */
    String capCertainty(boolean verificationAdvised) {
        switch (this) {
            case VERIFIED:
                return "Observed";
            case FALSE:
                return "Unlikely";
            case UNVERIFIABLE:
                return "Unknown";
            default:
                return verificationAdvised ? "Possible" : "Likely";
        }
    }

    public String messageKey() {
        return "duty.verification." + name();
    }
}
