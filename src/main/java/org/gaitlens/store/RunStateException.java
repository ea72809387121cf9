package org.gaitlens.store;

/**
 * An analysis run is not in the state an operation needs: finishing a run that this worker no longer holds
 * (it was re-queued as stale and claimed again), re-queueing a run that is not failed, and so on.
 */
public class RunStateException extends StoreException {
    private static final long serialVersionUID = 1L;

    public RunStateException(String message) {
        super(message);
    }

    /** Exit code 4: the analysis could not be recorded as asked. */
    @Override
    public int exitCode() {
        return 4;
    }
}
