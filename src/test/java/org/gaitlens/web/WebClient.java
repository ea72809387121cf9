package org.gaitlens.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser stand-in for the HTTP tests: keeps cookies, never follows redirects, speaks forms and multipart. */
final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http;
    private final String base;

    WebClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GET with a {@code Range} header (none when {@code range} is null). */
    HttpResponse<byte[]> getBytes(String path, String range) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (range != null) {
            b.header("Range", range);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a multipart form with the given text fields and one file part named {@code video}. */
    HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileName, byte[] content,
            boolean json) throws IOException, InterruptedException {
        return postMultipart(path, fields, content == null ? Map.of() : Map.of(fileName, content), json);
    }

    /** Posts a multipart form with the given text fields and one file part named {@code video} per file, in order. */
    HttpResponse<String> postMultipart(String path, Map<String, String> fields, Map<String, byte[]> files,
            boolean json) throws IOException, InterruptedException {
        String boundary = "----gaitlens-test-boundary-7f3a";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"video\"; filename=\"" + f.getKey()
                    + "\"\r\nContent-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(f.getValue());
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        if (json) {
            b.header("Accept", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token a page's forms carry. */
    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no _csrf field in page:\n" + html);
        }
        return m.group(1);
    }

    /** Signs in; returns the sign-in response. */
    HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
        String token = csrf(get("/login").body());
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_csrf", token);
        f.put("username", username);
        f.put("password", password);
        return postForm("/login", f);
    }

    /** The session's CSRF token, read from the patients page. */
    String sessionCsrf() throws IOException, InterruptedException {
        return csrf(get("/patients").body());
    }
}
