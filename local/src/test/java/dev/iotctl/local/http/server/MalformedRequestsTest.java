package dev.iotctl.local.http.server;

import static dev.iotctl.local.http.server.RawHttp.AUTH_CONTROL;
import static dev.iotctl.local.http.server.RawHttp.AUTH_DATA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.LocalHttpApi;
import dev.iotctl.local.http.control.EndpointOperations;
import dev.iotctl.local.http.data.PublishOperation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10 item 4: whatever bytes a client sends, the answer is AWS-shaped JSON with {@code
 * x-amzn-ErrorType} (400 for a malformed request, 431 for oversized headers, 414 for an oversized
 * request line, 413 for an oversized body), never a 500, never a stack trace, never a reset where
 * an answer can be written.
 */
class MalformedRequestsTest {
  /** Fuzz cases per run; {@code -Dfuzz.cases=2400} for a longer one. */
  static final int FUZZ_CASES = Integer.getInteger("fuzz.cases", 400);

  static final String ENDPOINT = "/endpoint?endpointType=iot%3AData-ATS";
  static final List<String> VALID =
      List.of(
          "GET " + ENDPOINT + " HTTP/1.1\r\nHost: h\r\nAuthorization: " + AUTH_CONTROL + "\r\n\r\n",
          "POST /topics/a%2Fb?qos=1 HTTP/1.1\r\nHost: h\r\nAuthorization: "
              + AUTH_DATA
              + "\r\nContent-Length: 5\r\n\r\nhello",
          "POST /topics/t HTTP/1.1\r\nHost: h\r\nAuthorization: "
              + AUTH_DATA
              + "\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
          "GET /things/t1/shadow HTTP/1.0\r\nAuthorization: " + AUTH_DATA + "\r\n\r\n");
  static final List<String> NASTY =
      List.of(
          "%",
          "%z",
          "%zz",
          "%c3%28",
          "%00",
          "\u0000",
          "\r",
          "\n",
          " ",
          "\t",
          "\u00ff",
          "\u00e9",
          "\u007f",
          "\u0001",
          ":",
          "-1",
          "abc",
          "chunked",
          "\r\n\r\n",
          "\r\n ",
          "\r\nTransfer-Encoding: chunked",
          "\r\nContent-Length: 7",
          "\r\nContent-Length: -1",
          "\r\nTransfer-Encoding: gzip",
          "\r\nExpect: 100-continue",
          "HTTP/2.0",
          "ffffffffffff");

  static LocalHttpApi api;

  @BeforeAll
  static void start() {
    api =
        LocalHttpApi.start(
            HttpApiConfig.defaults()
                .withTimeouts(
                    new HttpApiConfig.Timeouts(
                        Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2))),
            List.of(
                new EndpointOperations("127.0.0.1"),
                new PublishOperation((topic, payload, qos, retain) -> {})));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static Stream<Arguments> malformed() {
    List<Arguments> cases = new ArrayList<>();
    // Bad escapes and raw bytes the URI grammar does not allow, in path and query.
    for (String target :
        List.of(
            "/topics/a%zz",
            "/topics/a%",
            "/topics/a%4",
            "/topics/%c3%28",
            "/topics/caf\u00e9",
            "/topics/caf\u00c3\u00a9",
            "/topics/a\u0001b",
            "/topics/a\u007fb",
            "/topics/a\"b",
            "/topics/a{b}")) {
      cases.add(bad("path " + target, post(target, "Content-Length: 1", "x")));
    }
    for (String query :
        List.of("endpointType=%zz", "endpointType=%", "endpointType=\u00ff", "a=\u0000", "a=<b>")) {
      cases.add(bad("query " + query, get("/endpoint?" + query, "")));
    }
    // Content-Length and Transfer-Encoding that do not frame a body.
    for (String length : List.of("abc", "-1", "1 2", "", "0x5", "+5", "99999999999999999999")) {
      cases.add(
          bad("Content-Length: " + length, post("/topics/t", "Content-Length: " + length, "x")));
    }
    cases.add(
        bad(
            "two Content-Lengths",
            post("/topics/t", "Content-Length: 1\r\nContent-Length: 2", "xy")));
    cases.add(
        bad(
            "Content-Length and Transfer-Encoding",
            post(
                "/topics/t",
                "Content-Length: 5\r\nTransfer-Encoding: chunked",
                "5\r\nhello\r\n0\r\n\r\n")));
    for (String coding :
        List.of("gzip", "chunked, gzip", "identity", "xchunked", "gzip, chunked")) {
      cases.add(
          bad(
              "Transfer-Encoding: " + coding,
              post("/topics/t", "Transfer-Encoding: " + coding, "0\r\n\r\n")));
    }
    // Header lines that are not name: value.
    for (String header :
        List.of(
            "NoColonHere",
            "Bad Name: x",
            "Name : x",
            "Na\u0000me: x",
            "X-A: a\u0000b",
            "X-A: a\u0001b",
            ": no-name",
            "X-\u00e9: v",
            "X-A\u000b: v")) {
      cases.add(bad("header " + header, get(ENDPOINT, header + "\r\n")));
    }
    // Request lines.
    for (String line :
        List.of(
            "G ET " + ENDPOINT + " HTTP/1.1",
            "GET " + ENDPOINT,
            "GET " + ENDPOINT + " HTTP/1.1 extra",
            "GET " + ENDPOINT + " FOO/1.1",
            "GET " + ENDPOINT + " HTTP/1.x",
            "GET " + ENDPOINT + " HTTP/2.0",
            "GET " + ENDPOINT + " HTTP/0.9",
            "GET endpoint HTTP/1.1",
            "GET * HTTP/1.1",
            "G<T " + ENDPOINT + " HTTP/1.1",
            "PRI * HTTP/2.0")) {
      cases.add(
          bad(
              "request line " + line,
              line + "\r\nHost: h\r\nAuthorization: " + AUTH_CONTROL + "\r\n\r\n"));
    }
    // Chunked bodies.
    for (String body :
        List.of(
            "zz\r\nhello\r\n0\r\n\r\n",
            "-1\r\nhello\r\n0\r\n\r\n",
            "ffffffffffffffffffff\r\nhello\r\n0\r\n\r\n",
            "fffffffff\r\nhello\r\n0\r\n\r\n",
            "\r\nhello\r\n0\r\n\r\n",
            "5\r\nhello\r\n0\r\nno-colon-trailer\r\n\r\n")) {
      cases.add(bad("chunked body " + body, post("/topics/t", "Transfer-Encoding: chunked", body)));
    }
    // TLS spoken to the plain HTTP port.
    cases.add(
        bad(
            "TLS ClientHello",
            "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003GET / HTTP/1.1\r\n\r\n"));
    // Oversized parts.
    cases.add(
        Arguments.of("1 MB header", get(ENDPOINT, "X-Big: " + "a".repeat(1 << 20) + "\r\n"), 431));
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      many.append("X-H").append(i).append(": v\r\n");
    }
    cases.add(Arguments.of("10,000 headers", get(ENDPOINT, many.toString()), 431));
    cases.add(
        Arguments.of("100 KB request line", get("/endpoint?x=" + "a".repeat(100_000), ""), 414));
    cases.add(
        Arguments.of(
            "data-plane body over 128 KB",
            post("/topics/t", "Content-Length: " + (128 * 1024 + 1), "x".repeat(128 * 1024 + 1)),
            413));
    cases.add(
        Arguments.of(
            "chunked data-plane body over 128 KB",
            post(
                "/topics/t",
                "Transfer-Encoding: chunked",
                Integer.toHexString(128 * 1024 + 1)
                    + "\r\n"
                    + "x".repeat(128 * 1024 + 1)
                    + "\r\n0\r\n\r\n"),
            413));
    cases.add(
        Arguments.of(
            "control-plane body over 1 MB",
            get(ENDPOINT, "Content-Length: " + (2 << 20) + "\r\n") + "x".repeat(2 << 20),
            413));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void answeredInAwsShape(String name, String request, int status) throws Exception {
    Optional<RawHttp.Response> response = exchange(request);
    assertThat(response).as("an answer").isPresent();
    assertThat(response.get().notAwsShaped()).isEmpty();
    assertThat(response.get().status()).isEqualTo(status);
  }

  @Test
  void fuzzedRequestsAllGetAwsShapedAnswers() throws Exception {
    Random random = new Random(20261110L);
    List<String> requests = new ArrayList<>();
    for (int i = 0; i < FUZZ_CASES; i++) {
      requests.add(mutate(VALID.get(random.nextInt(VALID.size())), random));
    }
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<Optional<String>>> verdicts = new ArrayList<>();
      for (String request : requests) {
        verdicts.add(clients.submit(() -> verdict(request)));
      }
      List<String> failures = new ArrayList<>();
      for (int i = 0; i < verdicts.size(); i++) {
        Optional<String> verdict = verdicts.get(i).get(2, TimeUnit.MINUTES);
        verdict.ifPresent(v -> failures.add(v));
      }
      System.out.printf(
          "fuzz: %d of %d requests got a non-AWS-shaped answer or none%n",
          failures.size(), requests.size());
      assertThat(failures).as("fuzz cases not answered in AWS's shape").isEmpty();
    } finally {
      clients.shutdownNow();
    }
  }

  private static Optional<String> verdict(String request) {
    try {
      Optional<RawHttp.Response> response = exchange(request);
      if (response.isEmpty()) {
        return Optional.of("no answer to " + printable(request));
      }
      return response.get().notAwsShaped().map(why -> why + " for " + printable(request));
    } catch (IOException e) {
      return Optional.of(e + " for " + printable(request));
    }
  }

  /** One to three edits: a random byte replaced, inserted or deleted, or a nasty token added. */
  private static String mutate(String request, Random random) {
    StringBuilder s = new StringBuilder(request);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(s.length());
      switch (random.nextInt(4)) {
        case 0 -> s.setCharAt(at, (char) random.nextInt(256));
        case 1 -> s.insert(at, (char) random.nextInt(256));
        case 2 -> s.deleteCharAt(at);
        default -> s.insert(at, NASTY.get(random.nextInt(NASTY.size())));
      }
    }
    return s.toString();
  }

  private static Optional<RawHttp.Response> exchange(String request) throws IOException {
    try (RawHttp client = RawHttp.connect(api.url())) {
      try {
        client.write(request);
      } catch (IOException e) {
        // The server may answer and stop reading before all of an oversized request is out.
      }
      return client.read(Duration.ofSeconds(6));
    }
  }

  private static String printable(String request) {
    String head = request.length() > 160 ? request.substring(0, 160) + "…" : request;
    StringBuilder out = new StringBuilder();
    for (byte b : head.getBytes(StandardCharsets.ISO_8859_1)) {
      int c = b & 0xff;
      out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c));
    }
    return out.toString();
  }

  private static Arguments bad(String name, String request) {
    return Arguments.of(name, request, 400);
  }

  private static String get(String target, String headers) {
    return "GET "
        + target
        + " HTTP/1.1\r\nHost: h\r\nAuthorization: "
        + AUTH_CONTROL
        + "\r\n"
        + headers
        + "\r\n";
  }

  private static String post(String target, String headers, String body) {
    return "POST "
        + target
        + " HTTP/1.1\r\nHost: h\r\nAuthorization: "
        + AUTH_DATA
        + "\r\n"
        + headers
        + "\r\n\r\n"
        + body;
  }
}
