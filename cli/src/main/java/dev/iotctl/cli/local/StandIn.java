package dev.iotctl.cli.local;

import dev.iotctl.local.LocalIotCore;
import dev.iotctl.local.LocalIotCoreConfig;
import dev.iotctl.local.http.LocalHttpApiFactory;
import java.nio.file.Path;

/** Starts the full stand-in (registry, MQTT gateway, HTTP API) the way the CLI runs it. */
public final class StandIn {
  private StandIn() {}

  public static LocalIotCore start(Path dataDir, int mqttPort, int httpPort, boolean awsQuotas) {
    return start(dataDir, mqttPort, httpPort, awsQuotas, java.time.Duration.ofMinutes(1));
  }

  /** With job rollout minutes of {@code jobsMinute} ({@code local up --jobs-minute}). */
  public static LocalIotCore start(
      Path dataDir, int mqttPort, int httpPort, boolean awsQuotas, java.time.Duration jobsMinute) {
    return LocalIotCore.start(
        LocalIotCoreConfig.defaults(dataDir)
            .withPorts(mqttPort, httpPort)
            .withAwsQuotas(awsQuotas)
            .withJobsMinute(jobsMinute)
            .withHttpApi(new LocalHttpApiFactory()));
  }
}
