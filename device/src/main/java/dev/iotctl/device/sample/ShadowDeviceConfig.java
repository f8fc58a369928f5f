package dev.iotctl.device.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What the sample device needs to run.
 *
 * @param deviceName the thing name, also the MQTT client id
 * @param endpoint the ATS endpoint host (or 127.0.0.1 locally)
 * @param port 8883
 * @param rootCa root CA PEM (Amazon Root CA 1 on AWS)
 * @param certificate the device certificate PEM
 * @param privateKey the device private key PEM
 * @param shadowName a named shadow, or null for the classic shadow
 * @param shadowProperty the reported property the device owns ({@code wait_time})
 * @param initialWaitTime the value reported at start, in seconds
 * @param telemetryTopic where a reading is published every {@code wait_time} seconds
 * @param count stop after this many readings; 0 runs until stopped
 * @param duration stop after this long; null runs until stopped
 * @param keepAlive MQTT keep-alive
 * @param requestTimeout how long a shadow request waits for its reply
 * @param ota firmware updates over AWS IoT Jobs, or null to run no jobs
 */
public record ShadowDeviceConfig(
    String deviceName,
    String endpoint,
    int port,
    Path rootCa,
    Path certificate,
    Path privateKey,
    String shadowName,
    String shadowProperty,
    int initialWaitTime,
    String telemetryTopic,
    int count,
    Duration duration,
    Duration keepAlive,
    Duration requestTimeout,
    Ota ota) {
  /**
   * Firmware updates: run {@code firmware-update} jobs signed with this key.
   *
   * @param codeSigningKey PEM public key (or certificate) that firmware must be signed with
   * @param firmwareDir where firmware is installed and {@code current-version} kept
   * @param initialVersion the version reported when nothing was installed in {@code firmwareDir}
   */
  public record Ota(Path codeSigningKey, Path firmwareDir, String initialVersion) {
    public Ota {
      Objects.requireNonNull(codeSigningKey, "codeSigningKey");
      Objects.requireNonNull(firmwareDir, "firmwareDir");
      Objects.requireNonNull(initialVersion, "initialVersion");
    }
  }

  /** Without firmware updates. */
  public ShadowDeviceConfig(
      String deviceName,
      String endpoint,
      int port,
      Path rootCa,
      Path certificate,
      Path privateKey,
      String shadowName,
      String shadowProperty,
      int initialWaitTime,
      String telemetryTopic,
      int count,
      Duration duration,
      Duration keepAlive,
      Duration requestTimeout) {
    this(
        deviceName,
        endpoint,
        port,
        rootCa,
        certificate,
        privateKey,
        shadowName,
        shadowProperty,
        initialWaitTime,
        telemetryTopic,
        count,
        duration,
        keepAlive,
        requestTimeout,
        null);
  }

  /** The same device, running firmware-update jobs. */
  public ShadowDeviceConfig withOta(Ota settings) {
    return new ShadowDeviceConfig(
        deviceName,
        endpoint,
        port,
        rootCa,
        certificate,
        privateKey,
        shadowName,
        shadowProperty,
        initialWaitTime,
        telemetryTopic,
        count,
        duration,
        keepAlive,
        requestTimeout,
        settings);
  }

  /** The shadow request timeout the command line uses. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  public ShadowDeviceConfig {
    Objects.requireNonNull(deviceName, "deviceName");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(rootCa, "rootCa");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(shadowProperty, "shadowProperty");
    Objects.requireNonNull(telemetryTopic, "telemetryTopic");
    Objects.requireNonNull(keepAlive, "keepAlive");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (initialWaitTime < 1) {
      throw new IllegalArgumentException("wait_time must be a positive integer");
    }
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
  }
}
