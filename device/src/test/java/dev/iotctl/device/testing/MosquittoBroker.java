package dev.iotctl.device.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Test-only: a real Mosquitto broker on a free loopback port, TLS 1.2 with client certificates
 * required ({@code use_identity_as_username}), configured from generated PEM files. Stop and start
 * again on the same port to simulate an outage.
 */
public final class MosquittoBroker implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/sbin/mosquitto");

  private final Path config;
  private final Path log;
  private final int port;
  private Process process;

  private MosquittoBroker(Path directory, Path caFile, TestPki.Issued server) throws IOException {
    if (!Files.isExecutable(BINARY)) {
      throw new AssertionError(
          BINARY + " not found: install it (apt-get install -y mosquitto mosquitto-clients)");
    }
    Files.createDirectories(directory);
    this.port = freePort();
    this.config = directory.resolve("mosquitto-" + port + ".conf");
    this.log = directory.resolve("mosquitto-" + port + ".log");
    String text =
        String.join(
            "\n",
            "persistence false",
            "log_dest stdout",
            "log_type error",
            "log_type warning",
            "log_type notice",
            // Mosquitto drops root privileges to user "mosquitto", who could not read 0600 keys.
            "user " + System.getProperty("user.name"),
            "listener " + port + " 127.0.0.1",
            "cafile " + caFile.toAbsolutePath(),
            "certfile " + server.certificate().toAbsolutePath(),
            "keyfile " + server.privateKey().toAbsolutePath(),
            "tls_version tlsv1.2",
            "require_certificate true",
            "use_identity_as_username true",
            "");
    Files.writeString(config, text, StandardCharsets.UTF_8);
  }

  /** Starts a broker whose clients must present certificates issued by {@code pki}. */
  public static MosquittoBroker start(Path directory, TestPki pki, TestPki.Issued server) {
    try {
      MosquittoBroker broker = new MosquittoBroker(directory, pki.caFile(), server);
      broker.start();
      return broker;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot configure mosquitto", e);
    }
  }

  public int port() {
    return port;
  }

  /** (Re)starts the broker on its port and waits until it accepts connections. */
  public void start() {
    try {
      process =
          new ProcessBuilder(BINARY.toString(), "-c", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new AssertionError("Cannot start " + BINARY, e);
    }
    await("mosquitto listening on 127.0.0.1:" + port)
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(this::accepting);
  }

  /** Stops the broker (SIGTERM, then SIGKILL) and waits until it is gone. */
  public void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  @Override
  public void close() {
    stop();
  }

  private boolean accepting() throws IOException {
    if (!process.isAlive()) {
      throw new AssertionError(
          "mosquitto exited with " + process.exitValue() + ":\n" + Files.readString(log));
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
