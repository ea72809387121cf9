package org.gaitlens.store;

/** What a web app user may do: administrators see every patient and manage accounts; therapists see their own. */
public enum UserRole {
    ADMIN,
    THERAPIST
}
