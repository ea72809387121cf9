package org.gaitlens.core;

/** The input file cannot be used: unreadable, corrupt, empty, not a video, wrong format. */
public class InvalidInputException extends GaitlensException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
