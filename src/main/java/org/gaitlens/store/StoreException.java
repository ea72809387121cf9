package org.gaitlens.store;

import org.gaitlens.core.GaitlensException;

/**
 * The study store cannot be opened or used: the database is missing, locked, unreachable, written by a
 * newer gaitlens, or a statement failed. The message names the store and says what to check.
 */
public class StoreException extends GaitlensException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Exit code 3: a setup problem (database path, server, permissions), not bad input. */
    @Override
    public int exitCode() {
        return 3;
    }
}
