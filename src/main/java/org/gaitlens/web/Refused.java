package org.gaitlens.web;

import io.javalin.http.HttpStatus;

/** A request refused with a status and a message for the user (shown on the error page, or as text to scripts). */
final class Refused extends RuntimeException {
    final HttpStatus status;

    Refused(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
