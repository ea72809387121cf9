package org.gaitlens.reference;

import com.fasterxml.jackson.annotation.JsonValue;

/** The age groups of the normative dataset: young (21-37 y), older (50-84 y), and both pooled. */
public enum AgeGroup {
    /** Young adults, 21-37 years. */
    YOUNG("young"),
    /** Older adults, 50-84 years. */
    OLDER("older"),
    /** Both groups pooled: the band used when the patient's age is not known. */
    ALL("all");

    private final String key;

    AgeGroup(String key) {
        this.key = key;
    }

    /** Name used in files and reports (and in the resource, which Jackson reads back through it). */
    @JsonValue
    public String key() {
        return key;
    }
}
