package dev.bearing.provisioning;

/** Where a provisioning run stands. PLANNING and EXECUTING are active: one at a time per assessment. */
public enum RunState {
    /** The change set (or the tear-down's list) is being made. */
    PLANNING,
    /** The preview is ready; nothing changes in AWS until a consultant confirms. */
    PLANNED,
    /** Confirmed: the change set runs (or the stack is deleted) and its events are followed. */
    EXECUTING,
    /** The stack reached a final good state (created, updated, or deleted for a tear-down). */
    SUCCEEDED,
    /** Planning or execution failed; the reason and, when known, the failing resource are recorded. */
    FAILED,
    /** A newer plan replaced this one before it was confirmed. */
    SUPERSEDED;

    /** @return whether the run is finished (nothing more will happen to it) */
    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == SUPERSEDED;
    }
}
