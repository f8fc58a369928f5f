package dev.iotctl.local.http.server;

import static dev.iotctl.local.http.server.RawHttp.AUTH_DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.LocalHttpApi;
import dev.iotctl.local.http.data.PublishOperation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 5, HTTP side: a client-caused error (a disconnect mid-body, a malformed request)
 * logs one WARN line naming the client's address, never an ERROR with a stack trace; a flood of
 * them is rate-limited; what a client sent reaches the log escaped, so it cannot forge lines or
 * smuggle control characters.
 */
class ClientErrorLoggingTest {
  static final String MID_BODY =
      "POST /topics/t HTTP/1.1\r\nHost: h\r\nAuthorization: "
          + AUTH_DATA
          + "\r\nContent-Length: 1000\r\n\r\n0123456789";

  LocalHttpApi api;
  PrintStream originalErr;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void start() {
    originalErr = System.err;
    // slf4j-simple writes to whatever System.err is at the time of each line.
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    api =
        LocalHttpApi.start(
            HttpApiConfig.defaults(),
            List.of(new PublishOperation((topic, payload, qos, retain) -> {})));
  }

  @AfterEach
  void stop() {
    api.close();
    System.setErr(originalErr);
    System.err.print(log.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aDisconnectMidBodyIsOneWarnLineWithTheClientAddress() throws Exception {
    int localPort;
    try (RawHttp client = RawHttp.connect(api.url())) {
      client.write(MID_BODY);
      localPort = client.localPort();
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> lines().stream().anyMatch(l -> l.contains("127.0.0.1:" + localPort)));
    List<String> lines = lines();
    assertThat(lines).filteredOn(l -> l.contains("127.0.0.1:" + localPort)).hasSize(1);
    assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("ERROR"));
    assertThat(lines).noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by"));
    assertThat(lines).filteredOn(l -> l.contains("WARN")).hasSize(1);
  }

  @Test
  void aFloodOfClientErrorsIsRateLimited() throws Exception {
    for (int i = 0; i < 100; i++) {
      try (RawHttp client = RawHttp.connect(api.url())) {
        client.write(MID_BODY);
      }
      try (RawHttp client = RawHttp.connect(api.url())) {
        client.write("G ET / HTTP/1.1\r\n\r\n");
        client.read(Duration.ofSeconds(5));
      }
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> lines().stream().anyMatch(l -> l.contains("WARN")));
    List<String> lines = lines();
    assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("ERROR"));
    assertThat(lines).noneMatch(l -> l.startsWith("\tat "));
    assertThat(lines).filteredOn(l -> l.contains("WARN")).hasSizeBetween(1, 20);
  }

  @Test
  void whatAClientSentIsEscapedInTheLog() throws Exception {
    String forged = "\u001b[2J\u0000\r00:00:00.000 [main] INFO forged";
    try (RawHttp client = RawHttp.connect(api.url())) {
      client.write("POST /topics/t" + forged + " HTTP/1.1\r\nHost: h\r\n\r\n");
      client.read(Duration.ofSeconds(5));
    }
    try (RawHttp client = RawHttp.connect(api.url())) {
      client.write(
          "POST /topics/t HTTP/1.1\r\nHost: h\r\nX-Forged: "
              + forged
              + "\r\nAuthorization: "
              + AUTH_DATA
              + "\r\nContent-Length: 100\r\n\r\nabc");
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> lines().stream().filter(l -> l.contains("WARN")).count() >= 2);
    String text = log.toString(StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("\u001b").doesNotContain("\u0000").doesNotContain("\r");
    assertThat(lines()).allSatisfy(l -> assertThat(l).doesNotStartWith("00:00:00.000"));
  }

  private List<String> lines() {
    return log.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
