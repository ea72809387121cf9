package org.gaitlens.store;

/** A record with the same natural key (pseudonym, session date and label, content hash) already exists. */
public class DuplicateRecordException extends StoreException {
    private static final long serialVersionUID = 1L;

    public DuplicateRecordException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Exit code 2: the input collides with what is stored. */
    @Override
    public int exitCode() {
        return 2;
    }
}
