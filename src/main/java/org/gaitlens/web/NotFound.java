package org.gaitlens.web;

/** Nothing is found, or the user may not see it: the same answer (404) either way. */
final class NotFound extends RuntimeException {
    NotFound() {
        super("not found", null, false, false);
    }
}
