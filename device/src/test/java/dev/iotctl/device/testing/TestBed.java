package dev.iotctl.device.testing;

import dev.iotctl.core.pki.KeyType;
import dev.iotctl.device.mqtt.DeviceConnection;
import dev.iotctl.device.mqtt.DeviceConnectionSettings;
import dev.iotctl.device.mqtt.ReconnectBackoff;
import dev.iotctl.device.tls.DeviceTls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * Test-only: a CA, a Mosquitto broker with a server certificate for 127.0.0.1 and localhost, and
 * device certificates issued on demand.
 */
public final class TestBed implements AutoCloseable {
  /** Short waits so reconnect tests stay fast. */
  public static final ReconnectBackoff FAST_BACKOFF =
      new ReconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(800));

  private final Path directory;
  private final TestPki pki;
  private final MosquittoBroker broker;

  public TestBed(Path directory) {
    this.directory = directory;
    this.pki = TestPki.create(directory, "test-root");
    TestPki.Issued server = pki.server("broker", List.of("localhost"), List.of("127.0.0.1"));
    this.broker = MosquittoBroker.start(directory, pki, server);
  }

  public TestPki pki() {
    return pki;
  }

  public MosquittoBroker broker() {
    return broker;
  }

  public Path directory() {
    return directory;
  }

  /** Issues an EC (PKCS#8) device certificate named {@code thing}. */
  public TestPki.Issued device(String thing) {
    return pki.device(thing, KeyType.EC_P256, TestPki.KeyFormat.PKCS8);
  }

  /** TLS context for a device certificate, trusting this bed's CA. */
  public SSLContext tls(TestPki.Issued device) {
    try {
      return DeviceTls.fromPemFiles(pki.caFile(), device.certificate(), device.privateKey());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public DeviceConnectionSettings settings(String clientId) {
    return DeviceConnectionSettings.of("127.0.0.1", broker.port(), clientId)
        .withBackoff(FAST_BACKOFF)
        .withConnectTimeout(Duration.ofSeconds(5));
  }

  /** A new device certificate and an open connection with it, client id {@code thing}. */
  public DeviceConnection connect(String thing) {
    return DeviceConnection.open(settings(thing), tls(device(thing)));
  }

  /** A shadow responder connected with its own certificate. */
  public ShadowResponder shadowResponder() {
    return ShadowResponder.start(broker.port(), tls(device("shadow-service")));
  }

  @Override
  public void close() {
    broker.close();
  }
}
