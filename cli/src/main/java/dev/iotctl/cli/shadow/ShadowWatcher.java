package dev.iotctl.cli.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.device.mqtt.DeviceConnection;
import dev.iotctl.device.mqtt.DeviceConnectionException;
import dev.iotctl.device.mqtt.DeviceConnectionSettings;
import dev.iotctl.device.mqtt.Qos;
import dev.iotctl.device.tls.DeviceTls;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Streams a shadow's {@code /update/delta} and {@code /update/documents} messages as JSON lines,
 * over MQTT with a watcher identity (the stand-in's operator certificate, or a bundle on AWS).
 */
public final class ShadowWatcher {
  /** An MQTT identity to watch with. */
  public record Identity(
      String host, int port, String clientId, Path rootCa, Path certificate, Path privateKey) {}

  private final Identity identity;
  private final PrintWriter out;

  public ShadowWatcher(Identity identity, PrintWriter out) {
    this.identity = identity;
    this.out = out;
  }

  /**
   * Watches until {@code timeout} (null: until interrupted), or with {@code untilSynced} until a
   * document shows no delta: checked at once on {@code current} (printed when already in sync),
   * then on every document.
   *
   * @return true when it stopped because the shadow is in sync
   */
  public boolean watch(
      String thing,
      String shadowName,
      Duration timeout,
      boolean untilSynced,
      Supplier<Optional<JsonNode>> current)
      throws InterruptedException {
    String prefix =
        "$aws/things/"
            + thing
            + "/shadow/"
            + (shadowName == null ? "" : "name/" + shadowName + "/");
    CountDownLatch synced = new CountDownLatch(1);
    DeviceConnection connection;
    try {
      connection =
          DeviceConnection.open(
              DeviceConnectionSettings.of(identity.host(), identity.port(), identity.clientId()),
              DeviceTls.fromPemFiles(
                  identity.rootCa(), identity.certificate(), identity.privateKey()));
    } catch (java.io.IOException | java.security.GeneralSecurityException e) {
      throw new CliException(
          ExitCodes.USAGE, "cannot read the watcher's certificate or key: " + e.getMessage());
    } catch (DeviceConnectionException e) {
      if (unreachable(e)) {
        throw new CliException(
            ExitCodes.UNREACHABLE,
            "cannot reach mqtts://" + identity.host() + ":" + identity.port() + ": " + reason(e),
            "is the broker running? for the stand-in: 'iotctl local up'");
      }
      throw new CliException(
          ExitCodes.UNAUTHORIZED,
          "cannot connect to "
              + identity.host()
              + ":"
              + identity.port()
              + " as "
              + identity.clientId()
              + ": "
              + e.getMessage(),
          "the watcher's certificate must be ACTIVE and its policy must allow connect and subscribe");
    }
    try (connection) {
      for (String suffix : new String[] {"update/delta", "update/documents"}) {
        String topic = prefix + suffix;
        connection
            .subscribe(
                topic,
                Qos.AT_LEAST_ONCE,
                (t, payload) -> {
                  JsonNode message = ShadowTool.parse(payload, "a shadow message");
                  printLine(t, message);
                  if (untilSynced && t.endsWith("/documents") && inSync(message.path("current"))) {
                    synced.countDown();
                  }
                })
            .get(10, TimeUnit.SECONDS);
      }
      // Subscribed first, then read: a change in between is still seen as a document.
      if (untilSynced) {
        Optional<JsonNode> now = current.get();
        if (now.isPresent() && inSync(now.get())) {
          printLine(prefix + "get/accepted", now.get());
          return true;
        }
      }
      if (timeout == null) {
        synced.await();
        return true;
      }
      return synced.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new CliException(
          ExitCodes.UNAUTHORIZED,
          "cannot subscribe to " + prefix + "update/#: " + e.getMessage(),
          "the watcher's policy must allow iot:Subscribe and iot:Receive on the shadow topics");
    }
  }

  private void printLine(String topic, JsonNode message) {
    ObjectNode line = Json.MAPPER.createObjectNode().put("topic", topic);
    line.set("message", message);
    synchronized (out) {
      out.println(line.toString());
      out.flush();
    }
  }

  /** The broker could not be reached at all (refused, no route, timeout), not refused us. */
  private static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException
          || t instanceof java.net.NoRouteToHostException
          || t instanceof java.net.UnknownHostException
          || t instanceof java.net.SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** A document is in sync when every desired leaf is reported with the same value. */
  static boolean inSync(JsonNode current) {
    return ShadowDiff.of(current).inSync();
  }
}
