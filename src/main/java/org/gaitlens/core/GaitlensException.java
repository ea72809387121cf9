package org.gaitlens.core;

/**
 * Base of the domain failures a user can act on. The message says what went wrong and what to do;
 * the CLI shows it without a stack trace and maps {@link #exitCode()} to the process exit status.
 */
public class GaitlensException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GaitlensException(String message) {
        super(message);
    }

    public GaitlensException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Process exit code for this kind of failure (2 = bad input, 3 = missing setup, 4 = analysis failed). */
    public int exitCode() {
        return 4;
    }
}
