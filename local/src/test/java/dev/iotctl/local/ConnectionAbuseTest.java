package dev.iotctl.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.local.gateway.RawMqtt;
import dev.iotctl.local.gateway.RawMqtt.Packets;
import dev.iotctl.local.gateway.TestPki;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10, item 8: a connection that does not send CONNECT promptly after the TLS handshake is
 * closed, and a malformed packet (or one that breaks the protocol) closes its connection at once.
 */
class ConnectionAbuseTest {
  @TempDir static Path dir;
  private static LocalIotCore core;
  private static SSLContext tls;
  private static final String THING = "abuser";

  @BeforeAll
  static void start() {
    core = LocalIotCore.start(LocalIotCoreConfig.defaults(dir));
    TestPki.Issued cert = Devices.provision(core, THING);
    tls = TestPki.clientContext(cert, Devices.rootCa(dir));
  }

  @AfterAll
  static void stop() {
    core.close();
  }

  @Test
  void connectionsThatNeverSendConnectAreClosedWithinAFewSecondsOfTheHandshake() throws Exception {
    int idle = 50;
    ExecutorService watchers = Executors.newFixedThreadPool(idle + 1);
    List<Future<Double>> held = new ArrayList<>();
    try {
      for (int i = 0; i < idle; i++) {
        RawMqtt connection = RawMqtt.open(core.mqttPort(), tls);
        long handshaken = System.nanoTime();
        held.add(watchers.submit(() -> secondsUntilClosed(connection, handshaken)));
      }
      // One more trickles a CONNECT a byte at a time: activity does not extend the limit.
      RawMqtt trickle = RawMqtt.open(core.mqttPort(), tls);
      long trickleStart = System.nanoTime();
      Future<Double> trickled =
          watchers.submit(
              () -> {
                byte[] connect = Packets.connect(THING, 4, 60);
                for (int i = 0; i < connect.length - 1; i++) {
                  trickle.send(new byte[] {connect[i]});
                  if (trickle.closedWithin(Duration.ofMillis(700))) {
                    trickle.close();
                    return (System.nanoTime() - trickleStart) / 1e9;
                  }
                }
                return secondsUntilClosed(trickle, trickleStart);
              });
      List<Double> seconds = new ArrayList<>();
      for (Future<Double> f : held) {
        seconds.add(f.get(30, TimeUnit.SECONDS));
      }
      Collections.sort(seconds);
      System.out.printf(
          "%d connections without CONNECT held %.1f s (median), %.1f s (max); trickling: %.1f s%n",
          idle, seconds.get(idle / 2), seconds.get(idle - 1), trickled.get(30, TimeUnit.SECONDS));
      // Closed 5 s after the handshake: not before (a slow client gets its few seconds), and
      // within a bound that leaves room for a loaded machine.
      assertThat(seconds.get(0)).isGreaterThanOrEqualTo(4.5);
      assertThat(seconds.get(idle - 1)).isLessThan(8.0);
      assertThat(trickled.get()).isBetween(4.5, 8.0);
    } finally {
      watchers.shutdownNow();
    }
  }

  /** Seconds from {@code since} until the server closed the connection (at most 15). */
  private static double secondsUntilClosed(RawMqtt connection, long since) throws Exception {
    try (connection) {
      assertThat(connection.closedWithin(Duration.ofSeconds(15))).isTrue();
      return (System.nanoTime() - since) / 1e9;
    }
  }

  static Stream<Arguments> malformed() {
    byte[] connect = Packets.connect(THING, 4, 60);
    return Stream.of(
        // Before CONNECT: the first packet must be a well-formed CONNECT.
        before("PINGREQ first", Packets.pingreq()),
        before("DISCONNECT first", Packets.disconnect()),
        before("SUBSCRIBE first", Packets.subscribe(1, 1, "devices/abuser/commands")),
        before("PUBLISH first", Packets.publish("devices/abuser/telemetry", 0, false, new byte[1])),
        before("PUBACK first", hex("40020001")),
        before("protocol name MQTX", replace(connect, 7, (byte) 'X')),
        before("reserved connect flag", replace(connect, 9, (byte) 0x03)),
        before("connect fixed-header flags", replace(connect, 0, (byte) 0x11)),
        before("protocol level 5", Packets.connect(THING, 5, 60)),
        before("protocol level 9", Packets.connect(THING, 9, 60)),
        before("password without user name", connectWith(0x42, "abuser", "secret")),
        before("will QoS 3", connectWith(0x1E, "abuser", "will/topic", "will message")),
        before("will retain without will", connectWith(0x22, "abuser")),
        before("client id with NUL", Packets.connect("abu\u0000ser", 4, 60)),
        before("client id not UTF-8", connectWithRawClientId(new byte[] {(byte) 0xC3, 0x28})),
        before("five-byte remaining length", hex("10FFFFFFFF7F")),
        before("reserved packet type 0", hex("0000")),
        before("reserved packet type 15", hex("F000")),
        // After CONNECT.
        after("second CONNECT", connect),
        after("PUBLISH declaring 300 KB", hex("30E0A612000161")),
        after("PUBLISH QoS 3", hex("3607000361626300")),
        after(
            "PUBLISH wildcard topic",
            Packets.publish("devices/+/telemetry", 0, false, new byte[1])),
        after("PUBLISH empty topic", Packets.publish("", 0, false, new byte[1])),
        after("PUBLISH QoS 1 packet id 0", hex("32050001610000")),
        after("SUBSCRIBE flags 0x80", replace(Packets.subscribe(1, 1, "a"), 0, (byte) 0x80)),
        after("SUBSCRIBE without filters", hex("82020001")),
        after("SUBSCRIBE QoS 3", Packets.subscribe(1, 3, "devices/abuser/commands")),
        after("SUBSCRIBE invalid filter", Packets.subscribe(1, 1, "devices/#/commands")),
        after("SUBSCRIBE packet id 0", Packets.subscribe(0, 1, "devices/abuser/commands")),
        after("UNSUBSCRIBE flags 0xA0", hex("A0050001000161")),
        after("UNSUBSCRIBE without filters", hex("A2020001")),
        after("CONNACK from the client", hex("20020000")),
        after("SUBACK from the client", hex("9003000101")),
        after("UNSUBACK from the client", hex("B0020001")),
        after("PINGRESP from the client", hex("D000")),
        after("PUBREC (QoS 2 flow)", hex("50020001")),
        after("PUBREL (QoS 2 flow)", hex("62020001")),
        after("PUBCOMP (QoS 2 flow)", hex("70020001")),
        after("PUBACK with a reason code", hex("4003000110")),
        after("PINGREQ with a body", hex("C00100")),
        after("DISCONNECT with a body", hex("E0020000")),
        after("reserved packet type 15", hex("F000")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void aMalformedPacketClosesTheConnectionAtOnce(String name, byte[] packet, boolean afterConnect)
      throws Exception {
    try (RawMqtt connection = RawMqtt.open(core.mqttPort(), tls)) {
      if (afterConnect) {
        assertThat(connection.connect(THING)).isZero();
      }
      connection.send(packet);
      assertThat(connection.closedWithin(Duration.ofSeconds(1)))
          .as("%s leaves the connection open", name)
          .isTrue();
    }
  }

  private static Arguments before(String name, byte[] packet) {
    return Arguments.of(name, packet, false);
  }

  private static Arguments after(String name, byte[] packet) {
    return Arguments.of(name, packet, true);
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  private static byte[] replace(byte[] packet, int index, byte value) {
    byte[] copy = packet.clone();
    copy[index] = value;
    return copy;
  }

  /** A CONNECT (MQTT 3.1.1, keep-alive 60) with these flags and payload strings. */
  private static byte[] connectWith(int flags, String... payload) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0, 4, 'M', 'Q', 'T', 'T', 4, (byte) flags, 0, 60});
    for (String s : payload) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      body.writeBytes(new byte[] {0, (byte) bytes.length});
      body.writeBytes(bytes);
    }
    return Packets.packet(0x10, body.toByteArray());
  }

  private static byte[] connectWithRawClientId(byte[] clientId) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] name = "MQTT".getBytes(StandardCharsets.US_ASCII);
    body.writeBytes(new byte[] {0, 4});
    body.writeBytes(name);
    body.writeBytes(new byte[] {4, 2, 0, 60, 0, (byte) clientId.length});
    body.writeBytes(clientId);
    return Packets.packet(0x10, body.toByteArray());
  }
}
