package org.baiti.identity;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Alibaba Cloud SMS and Tencent Cloud SMS on a loopback port, over plain HTTP: it keeps every
 * request as received (method, path, query, headers, body), answers as the provider does (success, or the error the
 * test chose), and recomputes the request's signature from the request and the test's secret, following each
 * provider's published algorithm (ACS3-HMAC-SHA256, TC3-HMAC-SHA256) independently of the SDKs.
 */
final class FakeSmsProvider implements AutoCloseable {

    /** One request as the server saw it; header names in lower case. */
    record Received(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The query decoded, sorted by name. */
        Map<String, String> query() {
            Map<String, String> q = new TreeMap<>();
            if (rawQuery != null && !rawQuery.isEmpty()) {
                for (String pair : rawQuery.split("&")) {
                    int eq = pair.indexOf('=');
                    String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    q.put(k, v);
                }
            }
            return q;
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String nextAnswer;
    private volatile int nextStatus = 200;
    private volatile String defaultAnswer;

    private FakeSmsProvider(String defaultAnswer) throws IOException {
        this.defaultAnswer = defaultAnswer;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body));
            String answer;
            int status;
            synchronized (this) {
                answer = nextAnswer != null ? nextAnswer : this.defaultAnswer;
                status = nextAnswer != null ? nextStatus : 200;
                nextAnswer = null;
                nextStatus = 200;
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    static final String ALIYUN_OK = "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746936498440^0\",\"RequestId\":\"F655A8D5-B967-440B-8683-DAD6FF8DE990\"}";
    static final String ALIYUN_LIMITED = "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发小时级流控Permits:5\",\"RequestId\":\"B1F2A8D5-0000-440B-8683-DAD6FF8DE990\"}";
    static final String TENCENT_OK = "{\"Response\":{\"SendStatusSet\":[{\"SerialNo\":\"5000:1045710669157053657849499619\","
            + "\"PhoneNumber\":\"+8613800000000\",\"Fee\":1,\"SessionContext\":\"\",\"Code\":\"Ok\",\"Message\":\"send success\","
            + "\"IsoCode\":\"CN\"}],\"RequestId\":\"a0aabda6-cf91-4f3e-a81f-9198114a2279\"}}";
    static final String TENCENT_NUMBER_LIMIT = "{\"Response\":{\"SendStatusSet\":[{\"SerialNo\":\"\",\"PhoneNumber\":\"+8613800000000\","
            + "\"Fee\":0,\"SessionContext\":\"\",\"Code\":\"LimitExceeded.PhoneNumberDailyLimit\",\"Message\":\"单个手机号日下发条数超过设定的上限\","
            + "\"IsoCode\":\"CN\"}],\"RequestId\":\"b0aabda6-cf91-4f3e-a81f-9198114a2279\"}}";
    static final String TENCENT_AUTH_FAILURE = "{\"Response\":{\"Error\":{\"Code\":\"AuthFailure.SignatureFailure\","
            + "\"Message\":\"The provided credentials could not be validated.\"},\"RequestId\":\"c0aabda6-cf91-4f3e-a81f-9198114a2279\"}}";

    static FakeSmsProvider aliyun() {
        return start(ALIYUN_OK);
    }

    static FakeSmsProvider tencent() {
        return start(TENCENT_OK);
    }

    private static FakeSmsProvider start(String answer) {
        try {
            return new FakeSmsProvider(answer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code 127.0.0.1:port}: the endpoint the SDK is pointed at. */
    String endpoint() {
        return server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** The next request is answered with this status and body, then the default again. */
    synchronized void answerNext(int status, String body) {
        nextStatus = status;
        nextAnswer = body;
    }

    List<Received> received() {
        return Collections.unmodifiableList(new ArrayList<>(received));
    }

    Received last() {
        if (received.isEmpty()) {
            throw new AssertionError("the fake provider received nothing");
        }
        return received.get(received.size() - 1);
    }

    void clear() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- Alibaba Cloud: ACS3-HMAC-SHA256 (https://help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature) ----

    private static final Pattern ACS3 = Pattern.compile(
            "ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})");

    /** The Authorization header's parts: access key id, signed header names, signature. */
    static List<String> acs3Parts(Received r) {
        Matcher m = ACS3.matcher(r.header("Authorization"));
        if (!m.matches()) {
            throw new AssertionError("not an ACS3-HMAC-SHA256 Authorization header: " + r.header("Authorization"));
        }
        return List.of(m.group(1), m.group(2), m.group(3));
    }

    /** The ACS3-HMAC-SHA256 signature of the request as received, with this secret. */
    static String acs3Signature(Received r, String secret) {
        List<String> parts = acs3Parts(r);
        StringBuilder canonicalQuery = new StringBuilder();
        r.query().forEach((k, v) -> {
            if (!canonicalQuery.isEmpty()) {
                canonicalQuery.append('&');
            }
            canonicalQuery.append(rfc3986(k)).append('=').append(rfc3986(v));
        });
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : parts.get(1).split(";")) {
            canonicalHeaders.append(name).append(':').append(r.header(name).strip()).append('\n');
        }
        String canonicalRequest = r.method() + "\n" + r.path() + "\n" + canonicalQuery + "\n" + canonicalHeaders + "\n"
                + parts.get(1) + "\n" + sha256Hex(r.body());
        String stringToSign = "ACS3-HMAC-SHA256\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), stringToSign));
    }

    private static String rfc3986(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    // ---- Tencent Cloud: TC3-HMAC-SHA256 (https://cloud.tencent.com/document/api/382/52072) ----

    private static final Pattern TC3 = Pattern.compile(
            "TC3-HMAC-SHA256 Credential=([^/]+)/(\\d{4}-\\d{2}-\\d{2})/([^/]+)/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");

    /** The Authorization header's parts: secret id, date, service, signed header names, signature. */
    static List<String> tc3Parts(Received r) {
        Matcher m = TC3.matcher(r.header("Authorization"));
        if (!m.matches()) {
            throw new AssertionError("not a TC3-HMAC-SHA256 Authorization header: " + r.header("Authorization"));
        }
        return List.of(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
    }

    /** The TC3-HMAC-SHA256 signature of the request as received, with this secret key. */
    static String tc3Signature(Received r, String secretKey) {
        List<String> parts = tc3Parts(r);
        String timestamp = r.header("X-TC-Timestamp");
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        day.setTimeZone(TimeZone.getTimeZone("UTC"));
        String date = day.format(new Date(Long.parseLong(timestamp) * 1000));
        String host = r.header("Host");
        String service = host.split("\\.")[0];
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : parts.get(3).split(";")) {
            canonicalHeaders.append(name).append(':').append(r.header(name).strip().toLowerCase(Locale.ROOT)).append('\n');
        }
        String canonicalRequest = r.method() + "\n" + r.path() + "\n" + (r.rawQuery() == null ? "" : r.rawQuery()) + "\n"
                + canonicalHeaders + "\n" + parts.get(3) + "\n" + sha256Hex(r.body());
        String scope = date + "/" + service + "/tc3_request";
        String stringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] kDate = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] kService = hmac(kDate, service);
        byte[] kSigning = hmac(kService, "tc3_request");
        return HexFormat.of().formatHex(hmac(kSigning, stringToSign));
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
