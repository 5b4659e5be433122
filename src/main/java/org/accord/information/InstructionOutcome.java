package org.accord.information;

/** What a leader's instruction on a brief becomes. */
enum InstructionOutcome {
    /** A supervised task for the units, opened at once. */
    TASK,
    /** A coordination matter, opened by the office staff member who wrote the brief. */
    MATTER,
    /** Only relayed to the units, for their information. */
    NOTE;

    public String messageKey() {
        return "information.instruction.outcome." + name();
    }
}
