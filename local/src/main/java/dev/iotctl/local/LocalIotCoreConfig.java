package dev.iotctl.local;

import dev.iotctl.local.registry.RegistryConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the local IoT Core stand-in.
 *
 * @param dataDir where everything lives: {@code pki/}, {@code registry.db}, {@code operator/},
 *     {@code endpoint.json}
 * @param mqttPort the MQTT-over-TLS port on 127.0.0.1; 0 picks a free one
 * @param httpPort the HTTP API port on 127.0.0.1; 0 picks a free one (used only with an {@link
 *     HttpApiFactory})
 * @param awsQuotas whether the HTTP API throttles like AWS's default quotas, and MQTT connections
 *     get AWS's per-connection quotas (publish rate, in-flight shadow requests)
 * @param region the region in ARNs and {@code endpoint.json}
 * @param accountId the twelve-digit account id in ARNs; keep it stable for a data dir, since ARNs
 *     are stored
 * @param httpApi starts the HTTP API over the started core, or null for MQTT only
 * @param clock the registry's and the HTTP API's time (creation dates, the five minutes a
 *     deprecated thing type waits before it can be deleted); tests move it by hand
 * @param jobsMinute how long a minute of job rollout rates and timeouts lasts: one minute as on
 *     AWS, less to run rollouts faster in local tests
 */
public record LocalIotCoreConfig(
    Path dataDir,
    int mqttPort,
    int httpPort,
    boolean awsQuotas,
    String region,
    String accountId,
    HttpApiFactory httpApi,
    Clock clock,
    Duration jobsMinute) {

  /** The account id used when none is given. */
  public static final String DEFAULT_ACCOUNT_ID = "000000000000";

  public LocalIotCoreConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(clock, "clock");
    new RegistryConfig(region, accountId); // validates both
    Objects.requireNonNull(jobsMinute, "jobsMinute");
    if (jobsMinute.isNegative() || jobsMinute.isZero()) {
      throw new IllegalArgumentException("jobsMinute must be positive: " + jobsMinute);
    }
  }

  /** With the system clock and AWS's one-minute rollout minute. */
  public LocalIotCoreConfig(
      Path dataDir,
      int mqttPort,
      int httpPort,
      boolean awsQuotas,
      String region,
      String accountId,
      HttpApiFactory httpApi) {
    this(
        dataDir,
        mqttPort,
        httpPort,
        awsQuotas,
        region,
        accountId,
        httpApi,
        Clock.systemUTC(),
        Duration.ofMinutes(1));
  }

  /** Free ports, us-east-1, the default account, no quotas, no HTTP API. */
  public static LocalIotCoreConfig defaults(Path dataDir) {
    return new LocalIotCoreConfig(dataDir, 0, 0, false, "us-east-1", DEFAULT_ACCOUNT_ID, null);
  }

  public LocalIotCoreConfig withPorts(int mqtt, int http) {
    return new LocalIotCoreConfig(
        dataDir, mqtt, http, awsQuotas, region, accountId, httpApi, clock, jobsMinute);
  }

  public LocalIotCoreConfig withHttpApi(HttpApiFactory factory) {
    return new LocalIotCoreConfig(
        dataDir, mqttPort, httpPort, awsQuotas, region, accountId, factory, clock, jobsMinute);
  }

  public LocalIotCoreConfig withAwsQuotas(boolean quotas) {
    return new LocalIotCoreConfig(
        dataDir, mqttPort, httpPort, quotas, region, accountId, httpApi, clock, jobsMinute);
  }

  public LocalIotCoreConfig withClock(Clock newClock) {
    return new LocalIotCoreConfig(
        dataDir, mqttPort, httpPort, awsQuotas, region, accountId, httpApi, newClock, jobsMinute);
  }

  /** With job rollout minutes of {@code minute} (a second makes a 10-per-minute rate 10/s). */
  public LocalIotCoreConfig withJobsMinute(Duration minute) {
    return new LocalIotCoreConfig(
        dataDir, mqttPort, httpPort, awsQuotas, region, accountId, httpApi, clock, minute);
  }

  RegistryConfig registryConfig() {
    return new RegistryConfig(region, accountId);
  }
}
