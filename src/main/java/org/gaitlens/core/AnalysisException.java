package org.gaitlens.core;

/**
 * The input was readable but the analysis cannot give a trustworthy answer: no person found, two people
 * crossing, too few strides, wrong camera view. The message says what to record differently.
 */
public class AnalysisException extends GaitlensException {
    private static final long serialVersionUID = 1L;

    public AnalysisException(String message) {
        super(message);
    }

    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
