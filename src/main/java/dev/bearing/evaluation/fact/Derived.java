package dev.bearing.evaluation.fact;

/**
 * A fact a rule concluded (always inserted logically, so it stands only while its conditions
 * hold). The rules behind a result are read from the derived facts that stand.
 */
public interface Derived {

    /** @return the name of the rule that concluded it */
    String rule();
}
