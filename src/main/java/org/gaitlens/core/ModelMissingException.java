package org.gaitlens.core;

/** A pose model file is missing or fails its checksum. The message says how to install it. */
public class ModelMissingException extends GaitlensException {
    private static final long serialVersionUID = 1L;

    public ModelMissingException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return 3;
    }
}
