package dev.bearing.review;

import java.util.Arrays;
import java.util.Optional;

/** The changes a consultant can make in review, with their keys as used in the API and the database. */
public enum EditKind {
    /** Pick another tool from a stack entry's menu, or keep the tool in use; note required. */
    OVERRIDE("override", true),
    /** Change a finding's risk; note required. */
    FINDING_RISK("finding-risk", true),
    /** Hide a finding; note required. */
    FINDING_HIDE("finding-hide", true),
    /** Merge a finding into another (the other keeps its title, takes the higher risk and both explanations). */
    FINDING_MERGE("finding-merge", false),
    /** Move a roadmap item to another phase. */
    ROADMAP_PHASE("roadmap-phase", false),
    /** Reword a roadmap item's title (and optionally its explanation). */
    ROADMAP_TEXT("roadmap-text", false),
    /** Add a roadmap item of the consultant's own. */
    ROADMAP_ADD("roadmap-add", false),
    /** Undo an earlier edit. */
    UNDO("undo", false);

    private final String key;
    private final boolean noteRequired;

    EditKind(String key, boolean noteRequired) {
        this.key = key;
        this.noteRequired = noteRequired;
    }

    /** @return the key, e.g. {@code finding-risk} */
    public String key() {
        return key;
    }

    /** @return whether the edit needs a note */
    public boolean noteRequired() {
        return noteRequired;
    }

    /** @return the kind with that key, if any */
    public static Optional<EditKind> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
