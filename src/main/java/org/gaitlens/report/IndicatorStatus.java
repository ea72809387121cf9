package org.gaitlens.report;

/** Outcome of one screening indicator (never a diagnosis). */
public enum IndicatorStatus {
    /** The pattern's signs were found. */
    PRESENT("signs present"),
    /** Some signs, below the level that counts as present. */
    POSSIBLE("possible signs"),
    /** Checked and not found. */
    NOT_PRESENT("no signs"),
    /** Could not be checked (wrong camera view, too few strides, missing landmarks). */
    NOT_ASSESSED("not assessed");

    private final String label;

    IndicatorStatus(String label) {
        this.label = label;
    }

    /** Short label for tables. */
    public String label() {
        return label;
    }
}
