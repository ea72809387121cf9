package org.gaitlens.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty writes itself, before or around the app's handlers: a request it cannot parse (a malformed
 * URI or header, 400), headers too large (431), a failure in its own servlet layer. They get the same security
 * headers as every page ({@link SecurityFilter#HEADERS}) and a one-line plain-text body with the status only: no
 * server name or version, no request echo, no stack trace.
 */
final class JettyErrorPages extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        secure(headers);
        headers.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.write(true, body(response.getStatus()), callback);
        return true;
    }

    private static void secure(HttpFields.Mutable fields) {
        for (Map.Entry<String, String> h : SecurityFilter.HEADERS.entrySet()) {
            fields.put(new HttpField(h.getKey(), h.getValue()));
        }
    }

    private static ByteBuffer body(int status) {
        String reason = HttpStatus.getMessage(status);
        return ByteBuffer.wrap((status + " " + (reason == null ? "" : reason) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
