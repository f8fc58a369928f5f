package dev.iotctl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.iotctl.local.gateway.RawMqtt;
import dev.iotctl.local.gateway.RawMqtt.Packets;
import dev.iotctl.local.gateway.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 5 (MQTT): a client-caused error is one WARN line naming the client's address (and
 * client id when known), rate-limited; nothing a client sends reaches the log verbatim when it
 * could forge or garble a line.
 */
class ClientErrorLogTest {
  private static final String FORGED = "00:00:00.000 INFO forged";

  @TempDir static Path dir;
  private static LocalIotCore core;
  private static SSLContext tls;
  private static final String THING = "logger";

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeAll
  static void start() {
    core = LocalIotCore.start(LocalIotCoreConfig.defaults(dir));
    tls = TestPki.clientContext(Devices.provision(core, THING), Devices.rootCa(dir));
  }

  @AfterAll
  static void stop() {
    core.close();
  }

  /** slf4j-simple writes to whatever System.err is at the time of each line. */
  @BeforeEach
  void capture() {
    originalErr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(originalErr);
    originalErr.print(log());
  }

  @Test
  void aMalformedPacketLogsOneWarnLineWithTheClientAddressAndNoStackTrace() throws Exception {
    int port;
    try (RawMqtt connection = RawMqtt.open(core.mqttPort(), tls)) {
      port = connection.localPort();
      assertThat(connection.connect(THING)).isZero();
      connection.send(RawMqtt.Packets.packet(0x36, new byte[] {0, 1, 'a', 0, 1}));
      assertThat(connection.closedWithin(Duration.ofSeconds(2))).isTrue();
    }
    List<String> lines = linesSettled(l -> l.contains(":" + port));
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).contains("WARN").contains("127.0.0.1:" + port).contains(THING);
    assertThat(log()).doesNotContain("\tat ").doesNotContain("ERROR");
  }

  @Test
  void aRefusedHandshakeLogsOneWarnLine() throws Exception {
    SSLContext unregistered =
        TestPki.clientContext(TestPki.device(Devices.ca(dir), "ghost"), Devices.rootCa(dir));
    AtomicInteger port = new AtomicInteger();
    assertThatThrownBy(
            () ->
                RawMqtt.open(core.mqttPort(), unregistered, port::set).read(Duration.ofSeconds(2)))
        .isInstanceOf(IOException.class);
    List<String> lines = linesSettled(l -> l.contains(":" + port.get()));
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).contains("WARN").contains("127.0.0.1:" + port.get());
    assertThat(log()).doesNotContain("\tat ").doesNotContain("ERROR");
  }

  @Test
  void clientSuppliedStringsAreEscaped() throws Exception {
    // A client id the policy refuses, full of line breaks and terminal escapes.
    String clientId = "evil\r\n" + FORGED + "\u0007\u001b[31m";
    try (RawMqtt connection = RawMqtt.open(core.mqttPort(), tls)) {
      connection.send(Packets.connect(clientId, 4, 60));
      assertThat(connection.closedWithin(Duration.ofSeconds(2))).isTrue();
    }
    // A topic filter with a line break, from an admitted client (denied by its policy).
    try (RawMqtt connection = RawMqtt.open(core.mqttPort(), tls)) {
      assertThat(connection.connect(THING)).isZero();
      connection.send(Packets.subscribe(7, 1, "devices/logger/commands\n" + FORGED));
      byte[] suback = connection.read(Duration.ofSeconds(2));
      assertThat(suback).isNotNull();
      // A NUL is malformed: the connection closes, and the NUL must not be written out either.
      connection.send(Packets.subscribe(8, 1, "devices/\u0000/x"));
      assertThat(connection.closedWithin(Duration.ofSeconds(2))).isTrue();
    }
    String log = logSettled();
    assertThat(log.lines()).noneMatch(l -> l.startsWith(FORGED));
    assertThat(log).doesNotContain("\u0007").doesNotContain("\u001b").doesNotContain("\u0000");
    assertThat(log.lines().filter(l -> l.contains("evil")))
        .singleElement()
        .asString()
        .contains("WARN")
        .contains("evil\\r\\n" + FORGED + "\\u0007\\u001b[31m");
  }

  /** On a stand-in of its own: the limit is per stand-in, and this test exhausts it. */
  @Test
  void clientErrorLinesAreRateLimited(@TempDir Path ownDir) throws Exception {
    try (LocalIotCore own = LocalIotCore.start(LocalIotCoreConfig.defaults(ownDir))) {
      SSLContext ownTls =
          TestPki.clientContext(Devices.provision(own, THING), Devices.rootCa(ownDir));
      long start = System.nanoTime();
      int clients = 80;
      for (int i = 0; i < clients; i++) {
        try (RawMqtt connection = RawMqtt.open(own.mqttPort(), ownTls)) {
          connection.send(Packets.pingreq()); // not a CONNECT: a protocol error
          connection.closedWithin(Duration.ofSeconds(1));
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      List<String> warnings = linesSettled(l -> l.contains("WARN"));
      System.out.printf(
          "%d malformed clients in %.1f s: %d WARN lines%n", clients, seconds, warnings.size());
      // A burst of 20, then 10 a second, plus the lines counting what was left out.
      long allowed = 20 + Math.round(Math.ceil(seconds * 10));
      assertThat(warnings.stream().filter(l -> l.contains("PINGREQ")).count())
          .isGreaterThanOrEqualTo(Math.min(clients, 20))
          .isLessThanOrEqualTo(allowed);
      if (clients > allowed) {
        assertThat(warnings).anyMatch(l -> l.contains("more client errors were not logged"));
      }
    }
  }

  private String log() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  /** The log once nothing new has been written for a moment (log lines are written async). */
  private String logSettled() {
    AtomicInteger size = new AtomicInteger(-1);
    await()
        .pollInterval(Duration.ofMillis(150))
        .atMost(Duration.ofSeconds(5))
        .until(() -> size.getAndSet(captured.size()) == captured.size());
    return log();
  }

  private List<String> linesSettled(Predicate<String> filter) {
    return Arrays.stream(logSettled().split("\n")).filter(filter).toList();
  }
}
