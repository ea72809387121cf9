package org.gaitlens.batch;

import org.gaitlens.core.GaitlensException;

/**
 * A batch engine cannot be used: it is not on the class path, or it cannot start (a Spark master that cannot be
 * reached). The message says what to set up.
 */
public class EngineUnavailableException extends GaitlensException {
    private static final long serialVersionUID = 1L;

    public EngineUnavailableException(String message) {
        super(message);
    }

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Exit code 3: a set-up problem, not bad input. */
    @Override
    public int exitCode() {
        return 3;
    }
}
