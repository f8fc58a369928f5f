package dev.iotctl.cli.device;

import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.DebugOption;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.device.sample.ShadowDeviceApp;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    description = {
      "Run the sample device with a bundle: it connects as its thing, reports"
          + " {\"wait_time\": 5}, applies desired wait_time from the shadow's delta and publishes a"
          + " reading every wait_time seconds, one line per step. device.json's \"command\" is"
          + " this command.",
      "A stand-in's bundle connects to wherever that stand-in runs now (its endpoint.json)."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  iotctl device run certs/lamp", "  iotctl device run certs/lamp --count 3"})
final class DeviceRunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DebugOption debug;

  @Parameters(paramLabel = "DIR", description = "The bundle (certs issue's OUT/DEVICE).")
  Path dir;

  @Option(names = "--count", paramLabel = "N", description = "Stop after N readings.")
  int count;

  @Option(names = "--duration", paramLabel = "DURATION", description = "Stop after this long.")
  Duration duration;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ShadowDeviceApp app = new ShadowDeviceApp(DeviceConfigs.forBundle(dir, count, duration));
    app.addListener(
        step -> {
          synchronized (out) {
            out.println(step.line());
            out.flush();
          }
        });
    Thread stop = new Thread(app::stop, "iotctl-device-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    try {
      app.start();
    } catch (RuntimeException e) {
      throw new CliException(
          ExitCodes.UNAUTHORIZED, "the device could not start: " + e.getMessage(), null, e);
    }
    app.stopped().join();
    try {
      Runtime.getRuntime().removeShutdownHook(stop);
    } catch (IllegalStateException exiting) {
      // Ctrl-C: the hook stops the device.
    }
    return 0;
  }
}
