package org.gaitlens.store;

/** What a public id (the id in a web app URL) stands for. */
public enum PublicRefKind {
    PATIENT,
    SESSION,
    RUN
}
