package org.baiti.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the running application, with the admin's Basic credentials when asked. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final int port;
    private final String auth;
    private final String clientAddress;
    /** {@code Accept-Language} sent with every request, or null (none: Chinese). */
    private final String language;

    public Api(int port) {
        this(port, null, "127.0.0.1", null);
    }

    private Api(int port, String auth, String host, String language) {
        this.port = port;
        this.auth = auth;
        this.clientAddress = host;
        this.language = language;
    }

    /** The same client asking for answers in {@code acceptLanguage} ({@code Accept-Language}, e.g. "en"). */
    public Api accepting(String acceptLanguage) {
        return new Api(port, auth, clientAddress, acceptLanguage);
    }

    /**
     * The same client as if it came from {@code clientAddress} through a proxy ({@code X-Forwarded-For}): a server
     * started with {@code server.forward-headers-strategy=native} sees that address (per-address rate limits).
     */
    public Api from(String clientAddress) {
        return new Api(port, auth, clientAddress, language);
    }

    /** The same client, logged in as the first admin. */
    public Api admin() {
        return as("admin", App.ADMIN_PASSWORD);
    }

    public Api as(String user, String password) {
        return new Api(port, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)), clientAddress, language);
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** A response: status, text, and the text as JSON. */
    public record Response(int status, String body, String contentType) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    /** The raw bytes of a GET (downloads such as XLSX exports); fails unless the status is 200. */
    public byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET with a participant's bearer token. */
    public Response get(String path, String bearer) {
        return send(builder(path).header("Authorization", "Bearer " + bearer).GET());
    }

    public Response postJson(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    public Response putJson(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    public Response putJson(String path, Object body, String bearer) {
        return send(builder(path).header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    public Response postJson(String path, Object body, String bearer) {
        return send(builder(path).header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    /** A multipart upload with the file in field {@code file}. */
    public Response upload(String path, String fileName, byte[] content) {
        String boundary = "----baiti" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (!clientAddress.equals("127.0.0.1")) {
            b.header("X-Forwarded-For", clientAddress);
        }
        if (language != null) {
            b.header("Accept-Language", language);
        }
        return b;
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
