package org.gaitlens.store;

/** A patient, session, recording or run that the caller named is not in the store. */
public class RecordNotFoundException extends StoreException {
    private static final long serialVersionUID = 1L;

    public RecordNotFoundException(String message) {
        super(message);
    }

    /** Exit code 2: the user named something that does not exist. */
    @Override
    public int exitCode() {
        return 2;
    }
}
