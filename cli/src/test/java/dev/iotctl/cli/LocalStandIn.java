package dev.iotctl.cli;

import dev.iotctl.cli.local.StandIn;
import dev.iotctl.local.LocalIotCore;
import java.nio.file.Path;

/** A real stand-in (registry, MQTT over TLS, HTTP API) on free loopback ports, for CLI tests. */
public final class LocalStandIn implements AutoCloseable {
  public final Path dataDir;
  public final LocalIotCore core;

  public LocalStandIn(Path dataDir, boolean awsQuotas) {
    this.dataDir = dataDir;
    this.core = StandIn.start(dataDir, 0, 0, awsQuotas);
  }

  /** Runs iotctl against this stand-in ({@code --local-dir DIR} appended). */
  public CliRunner.Result run(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--local-dir";
    all[args.length + 1] = dataDir.toString();
    return CliRunner.run(all);
  }

  /** Creates policy {@code name} from the shipped {@code policies/device.json}. */
  public void createDevicePolicy(String name) {
    CliRunner.Result r = run("policy", "create", name, "--file", "../policies/device.json");
    if (r.exitCode() != 0) {
      throw new IllegalStateException("policy create " + name + ": " + r.err());
    }
  }

  @Override
  public void close() {
    core.close();
  }
}
