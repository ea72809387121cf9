package org.gaitlens.reference;

import com.fasterxml.jackson.annotation.JsonValue;

/** The self-selected overground speed conditions of the normative dataset (Fukuchi et al. 2018). */
public enum SpeedClass {
    /** Slow self-selected speed (file code {@code S}). */
    SLOW("slow", 'S'),
    /** Comfortable self-selected speed (file code {@code C}). */
    COMFORTABLE("comfortable", 'C'),
    /** Fast self-selected speed (file code {@code F}). */
    FAST("fast", 'F');

    private final String key;
    private final char fileCode;

    SpeedClass(String key, char fileCode) {
        this.key = key;
        this.fileCode = fileCode;
    }

    /** Name used in files and reports (and in the resource, which Jackson reads back through it). */
    @JsonValue
    public String key() {
        return key;
    }

    /** The letter the dataset's file names use ({@code WBDS01walkOCang.txt}: comfortable). */
    public char fileCode() {
        return fileCode;
    }
}
