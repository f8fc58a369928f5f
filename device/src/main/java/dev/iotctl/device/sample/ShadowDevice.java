package dev.iotctl.device.sample;

import java.time.Instant;
import java.util.Optional;

/**
 * Command-line entry point of the sample device; see {@link ShadowDeviceArgs#USAGE}. Prints one
 * line per step to stdout. Exit codes: 0 stopped normally, 1 failed to start, 2 bad arguments.
 */
public final class ShadowDevice {
  private ShadowDevice() {}

  public static void main(String[] args) {
    if (ShadowDeviceArgs.wantsHelp(args)) {
      System.out.println(ShadowDeviceArgs.USAGE);
      return;
    }
    ShadowDeviceConfig config;
    Optional<ClaimSettings> claim;
    try {
      config = ShadowDeviceArgs.parse(args);
      claim = ShadowDeviceArgs.parseClaim(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(ShadowDeviceArgs.USAGE);
      System.exit(2);
      return;
    }
    if (claim.isPresent()) {
      try {
        config =
            ClaimProvisioning.provision(
                config, claim.get(), step -> System.out.println(step.line()));
      } catch (RuntimeException e) {
        System.out.println(
            Instant.now() + " ERROR provisioning by claim failed: " + e.getMessage());
        System.exit(1);
        return;
      }
    }
    ShadowDeviceApp app = new ShadowDeviceApp(config);
    app.addListener(step -> System.out.println(step.line()));
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shadow-device-shutdown"));
    try {
      app.start();
    } catch (RuntimeException e) {
      System.exit(1);
      return;
    }
    app.stopped().join();
  }
}
