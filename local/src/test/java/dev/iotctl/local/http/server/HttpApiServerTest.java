package dev.iotctl.local.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.core.error.IotException;
import dev.iotctl.local.http.AwsClients;
import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.LocalHttpApi;
import dev.iotctl.local.http.control.EndpointOperations;
import dev.iotctl.local.http.quota.QuotaMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ThrottlingException;

/** The server's request pipeline over real loopback HTTP, with raw requests and the Java SDK. */
class HttpApiServerTest {
  static final String AUTH_CONTROL = RawHttp.AUTH_CONTROL;
  static final String AUTH_DATA = RawHttp.AUTH_DATA;

  /** Test-only operations: echo the decoded path parameter and body size, or fail. */
  static final RouteProvider PROBES =
      () ->
          List.of(
              Route.of(
                  "POST",
                  "/topics/{topic}",
                  "Publish",
                  Plane.DATA,
                  r ->
                      ApiResponse.json(
                          200,
                          Map.of(),
                          "{\"topic\":\""
                              + r.path("topic")
                              + "\",\"size\":"
                              + r.body().length
                              + "}")),
              Route.of(
                  "GET",
                  "/things/{thingName}",
                  "DescribeThing",
                  Plane.CONTROL,
                  r -> {
                    throw IotException.notFound(
                        "Thing " + r.path("thingName") + " cannot be found.");
                  }),
              Route.of(
                  "GET",
                  "/things/{thingName}/shadow",
                  "GetThingShadow",
                  Plane.DATA,
                  r -> {
                    throw new IotException("ConflictException", 409, "Version conflict");
                  }),
              Route.of(
                  "DELETE",
                  "/boom",
                  "Boom",
                  Plane.CONTROL,
                  r -> {
                    throw new IllegalStateException("bug");
                  }));

  static LocalHttpApi api;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    api =
        LocalHttpApi.start(
            HttpApiConfig.defaults(), List.of(new EndpointOperations("127.0.0.1"), PROBES));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void describeEndpointThroughTheJavaSdk() {
    try (IotClient iot = AwsClients.iot(api.url())) {
      assertThat(iot.describeEndpoint(b -> b.endpointType("iot:Data-ATS")).endpointAddress())
          .isEqualTo("127.0.0.1");
      assertThatThrownBy(() -> iot.describeEndpoint(b -> b.endpointType("iot:Nope")))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorMessage()).contains("iot:Nope");
              });
    }
  }

  @Test
  void encodedSlashesReachTheOperationDecoded() throws Exception {
    HttpResponse<String> response =
        send("POST", "/topics/%24aws%2Fthings%2Ft1%2Fshadow%2Fupdate?qos=1", AUTH_DATA, "hello");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo("{\"topic\":\"$aws/things/t1/shadow/update\",\"size\":5}");
  }

  @Test
  void controlPlaneErrorsCarryTheHeaderAndAMessageBody() throws Exception {
    HttpResponse<String> response = send("GET", "/things/t%3A1", AUTH_CONTROL, null);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .contains("ResourceNotFoundException");
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(response.body()).isEqualTo("{\"message\":\"Thing t:1 cannot be found.\"}");
  }

  @Test
  void dataPlaneErrorsCarryTheCodeInTheBody() throws Exception {
    HttpResponse<String> response = send("GET", "/things/t1/shadow", AUTH_DATA, null);
    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ConflictException");
    assertThat(response.body()).isEqualTo("{\"code\":409,\"message\":\"Version conflict\"}");
  }

  @Test
  void unsignedAndWronglyScopedRequestsAreRefused() throws Exception {
    HttpResponse<String> unsigned = send("GET", "/things/t1", null, null);
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(unsigned.headers().firstValue("x-amzn-ErrorType"))
        .contains("MissingAuthenticationTokenException");
    HttpResponse<String> garbled = send("GET", "/things/t1", "AWS4-HMAC-SHA256 x", null);
    assertThat(garbled.headers().firstValue("x-amzn-ErrorType"))
        .contains("IncompleteSignatureException");
    HttpResponse<String> wrongService = send("GET", "/things/t1", AUTH_DATA, null);
    assertThat(wrongService.statusCode()).isEqualTo(403);
    assertThat(wrongService.headers().firstValue("x-amzn-ErrorType"))
        .contains("InvalidSignatureException");
  }

  @Test
  void unknownRoutesAndMethods() throws Exception {
    HttpResponse<String> unknown = send("GET", "/no/such/route", AUTH_CONTROL, null);
    assertThat(unknown.statusCode()).isEqualTo(403);
    assertThat(unknown.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    HttpResponse<String> wrongMethod = send("PUT", "/topics/a", AUTH_DATA, "x");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("x-amzn-ErrorType"))
        .contains("MethodNotAllowedException");
  }

  @Test
  void bodiesBeyondTheLimitAre413AndBugsAre500() throws Exception {
    HttpResponse<String> ok = send("POST", "/topics/a", AUTH_DATA, "x".repeat(128 * 1024));
    assertThat(ok.statusCode()).isEqualTo(200);
    HttpResponse<String> tooLarge =
        send("POST", "/topics/a", AUTH_DATA, "x".repeat(128 * 1024 + 1));
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.headers().firstValue("x-amzn-ErrorType"))
        .contains("RequestEntityTooLargeException");
    HttpResponse<String> bug = send("DELETE", "/boom", AUTH_CONTROL, null);
    assertThat(bug.statusCode()).isEqualTo(500);
    assertThat(bug.headers().firstValue("x-amzn-ErrorType")).contains("InternalFailureException");
  }

  @Test
  void quotaEmulationThrottlesThroughTheSdk() {
    try (LocalHttpApi throttled =
            LocalHttpApi.start(
                HttpApiConfig.defaults().withQuotas(QuotaMode.AWS),
                List.of(new EndpointOperations("127.0.0.1")));
        IotClient iot = AwsClients.iot(throttled.url())) {
      // DescribeEndpoint: 10 per second; 30 back-to-back calls cannot all fit.
      int throttledCalls = 0;
      for (int i = 0; i < 30; i++) {
        try {
          iot.describeEndpoint(b -> b.endpointType("iot:Data-ATS"));
        } catch (ThrottlingException e) {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
          throttledCalls++;
        }
      }
      assertThat(throttledCalls).isPositive();
    }
  }

  @Test
  void unsignedRequestsCanBeAllowedForCurl() throws Exception {
    try (LocalHttpApi open =
        LocalHttpApi.start(
            HttpApiConfig.defaults().withAllowUnsigned(true),
            List.of(new EndpointOperations("localhost")))) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(open.url().resolve("/endpoint?endpointType=iot%3AData-ATS"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\"endpointAddress\":\"localhost\"}");
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws Exception {
    try (RawHttp client = RawHttp.connect(api.url())) {
      client.write(
          publish("one", "abc")
              + "GET /things/t%3A1 HTTP/1.1\r\nHost: h\r\nAuthorization: "
              + AUTH_CONTROL
              + "\r\n\r\n"
              + publish("three", "x"));
      assertThat(client.read(Duration.ofSeconds(5)).orElseThrow().text())
          .isEqualTo("{\"topic\":\"one\",\"size\":3}");
      assertThat(client.read(Duration.ofSeconds(5)).orElseThrow().status()).isEqualTo(404);
      assertThat(client.read(Duration.ofSeconds(5)).orElseThrow().text())
          .isEqualTo("{\"topic\":\"three\",\"size\":1}");
    }
  }

  @Test
  void expectContinueIsHonouredForABodyThatFits() throws Exception {
    try (RawHttp client = RawHttp.connect(api.url())) {
      client.write(
          "POST /topics/t HTTP/1.1\r\nHost: h\r\nAuthorization: "
              + AUTH_DATA
              + "\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
      assertThat(client.read(Duration.ofSeconds(5)).orElseThrow().status()).isEqualTo(100);
      client.write("hello");
      assertThat(client.read(Duration.ofSeconds(5)).orElseThrow().text())
          .isEqualTo("{\"topic\":\"t\",\"size\":5}");
    }
    try (RawHttp client = RawHttp.connect(api.url())) {
      client.write(
          "GET /things/t1 HTTP/1.1\r\nHost: h\r\nAuthorization: "
              + AUTH_CONTROL
              + "\r\nExpect: 100-continue\r\nContent-Length: 2000000\r\n\r\n");
      RawHttp.Response tooLarge = client.read(Duration.ofSeconds(5)).orElseThrow();
      assertThat(tooLarge.status()).isEqualTo(413);
      assertThat(tooLarge.header("x-amzn-ErrorType")).contains("RequestEntityTooLargeException");
      assertThat(tooLarge.header("Connection")).contains("close");
      assertThat(client.closedByServer(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void http10ClosesAfterTheAnswerUnlessAskedToKeepAlive() throws Exception {
    String describe =
        "GET /endpoint?endpointType=iot%3AData-ATS HTTP/1.0\r\nAuthorization: " + AUTH_CONTROL;
    try (RawHttp client = RawHttp.connect(api.url())) {
      client.write(describe + "\r\n\r\n");
      RawHttp.Response response = client.read(Duration.ofSeconds(5)).orElseThrow();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("Connection")).contains("close");
      assertThat(client.closedByServer(Duration.ofSeconds(5))).isTrue();
    }
    try (RawHttp client = RawHttp.connect(api.url())) {
      for (int i = 0; i < 2; i++) {
        client.write(describe + "\r\nConnection: keep-alive\r\n\r\n");
        RawHttp.Response response = client.read(Duration.ofSeconds(5)).orElseThrow();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Connection")).contains("keep-alive");
      }
    }
  }

  @Test
  void headAnswersHeadersWithoutABody() throws Exception {
    try (RawHttp client = RawHttp.connect(api.url())) {
      client.write(
          "HEAD /things/t1 HTTP/1.1\r\nHost: h\r\nAuthorization: " + AUTH_CONTROL + "\r\n\r\n");
      RawHttp.Response head = client.readHeadResponse(Duration.ofSeconds(5)).orElseThrow();
      assertThat(head.status()).isEqualTo(403);
      assertThat(Integer.parseInt(head.header("Content-Length").orElseThrow())).isPositive();
      client.write(publish("after-head", "z")); // the connection is still in step
      assertThat(client.read(Duration.ofSeconds(5)).orElseThrow().text())
          .isEqualTo("{\"topic\":\"after-head\",\"size\":1}");
    }
  }

  private static String publish(String topic, String body) {
    return "POST /topics/"
        + topic
        + " HTTP/1.1\r\nHost: h\r\nAuthorization: "
        + AUTH_DATA
        + "\r\nContent-Length: "
        + body.length()
        + "\r\n\r\n"
        + body;
  }

  static HttpResponse<String> send(String method, String rawPath, String auth, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api.url() + rawPath))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
