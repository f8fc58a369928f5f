package dev.iotctl.cli.device;

import dev.iotctl.cli.certs.DeviceBundle;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.device.sample.ShadowDeviceConfig;
import dev.iotctl.local.StandInEndpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The sample device's settings for a bundle. A stand-in's bundle names its {@code endpoint.json}:
 * host and port are read from there at start, since the stand-in may run on another port than when
 * the bundle was made.
 */
public final class DeviceConfigs {
  private DeviceConfigs() {}

  /**
   * @param count readings to publish before stopping (0: until stopped)
   * @param duration how long to run, or null until stopped
   */
  public static ShadowDeviceConfig forBundle(Path dir, int count, Duration duration) {
    DeviceBundle bundle =
        DeviceBundle.read(dir)
            .orElseThrow(
                () ->
                    new CliException(
                        ExitCodes.USAGE,
                        "no bundle in " + dir + " (no " + DeviceBundle.DEVICE_JSON + ")",
                        "issue one with 'iotctl certs issue DEVICE --out "
                            + dir.getParent()
                            + "'"));
    String host = bundle.endpoint();
    int port = bundle.port();
    if (bundle.endpointFile() != null) {
      StandInEndpoint standIn = runningStandIn(bundle.endpointFile());
      host = standIn.mqttHost();
      port = standIn.mqttPort();
    }
    return new ShadowDeviceConfig(
        bundle.thingName(),
        host,
        port,
        dir.resolve(DeviceBundle.ROOT_CA),
        dir.resolve(DeviceBundle.CERTIFICATE),
        dir.resolve(DeviceBundle.PRIVATE_KEY),
        null,
        "wait_time",
        5,
        "devices/" + bundle.thingName() + "/telemetry",
        count,
        duration,
        Duration.ofSeconds(30),
        ShadowDeviceConfig.DEFAULT_REQUEST_TIMEOUT);
  }

  private static StandInEndpoint runningStandIn(Path endpointFile) {
    Path dataDir = endpointFile.getParent();
    try {
      return StandInEndpoint.read(dataDir)
          .orElseThrow(
              () ->
                  new CliException(
                      ExitCodes.UNREACHABLE,
                      "the stand-in of this bundle is not running: " + endpointFile + " is missing",
                      "start it with 'iotctl local up --local-dir " + dataDir + "'"));
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.FAILURE, "cannot read " + endpointFile + ": " + e.getMessage());
    }
  }
}
