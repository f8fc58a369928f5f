package dev.iotctl.device.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how a device connects.
 *
 * @param host the endpoint: the account's ATS endpoint ({@code
 *     xxxx-ats.iot.<region>.amazonaws.com}) or {@code 127.0.0.1} for the stand-in; verified against
 *     the server certificate
 * @param port 8883 for MQTT over TLS
 * @param clientId the MQTT client id; AWS IoT convention (and the policy's {@code iot:Connect}
 *     resource) is the thing name
 * @param keepAlive MQTT keep-alive; AWS IoT Core accepts 30 to 1200 seconds
 * @param connectTimeout how long one connect attempt (TCP + TLS + CONNACK) may take
 * @param backoff waits between automatic reconnect attempts
 */
public record DeviceConnectionSettings(
    String host,
    int port,
    String clientId,
    Duration keepAlive,
    Duration connectTimeout,
    ReconnectBackoff backoff) {
  public static final int DEFAULT_PORT = 8883;
  public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  public DeviceConnectionSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clientId, "clientId");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("Invalid port: " + port);
    }
    if (keepAlive.toSeconds() < 1 || keepAlive.toSeconds() > 65535) {
      throw new IllegalArgumentException("Keep-alive must be 1..65535 seconds");
    }
    if (connectTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException("Connect timeout must be at least 1 second");
    }
    Objects.requireNonNull(backoff, "backoff");
  }

  /** Defaults: 30 s keep-alive, 10 s connect timeout, {@link ReconnectBackoff#DEFAULT}. */
  public static DeviceConnectionSettings of(String host, int port, String clientId) {
    return new DeviceConnectionSettings(
        host,
        port,
        clientId,
        DEFAULT_KEEP_ALIVE,
        DEFAULT_CONNECT_TIMEOUT,
        ReconnectBackoff.DEFAULT);
  }

  public DeviceConnectionSettings withKeepAlive(Duration value) {
    return new DeviceConnectionSettings(host, port, clientId, value, connectTimeout, backoff);
  }

  public DeviceConnectionSettings withConnectTimeout(Duration value) {
    return new DeviceConnectionSettings(host, port, clientId, keepAlive, value, backoff);
  }

  public DeviceConnectionSettings withBackoff(ReconnectBackoff value) {
    return new DeviceConnectionSettings(host, port, clientId, keepAlive, connectTimeout, value);
  }

  /** The Paho server URI. IPv6 literals are bracketed. */
  String serverUri() {
    String hostPart = host.contains(":") ? "[" + host + "]" : host;
    return "ssl://" + hostPart + ":" + port;
  }
}
