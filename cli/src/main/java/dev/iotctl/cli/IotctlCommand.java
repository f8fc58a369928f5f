package dev.iotctl.cli;

import dev.iotctl.cli.ca.CaCommand;
import dev.iotctl.cli.certs.CertsCommand;
import dev.iotctl.cli.demo.DemoCommand;
import dev.iotctl.cli.fleet.FleetCommand;
import dev.iotctl.cli.framework.GlobalOptions;
import dev.iotctl.cli.framework.VersionProvider;
import dev.iotctl.cli.local.LocalCommand;
import dev.iotctl.cli.policy.PolicyCommand;
import dev.iotctl.cli.shadow.ShadowCommand;
import dev.iotctl.cli.things.ThingsCommand;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: {@code iotctl}. Without a subcommand it prints its usage. */
@Command(
    name = "iotctl",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Provision AWS IoT Core fleets as code and test everything locally.",
    subcommands = {
      DemoCommand.class,
      LocalCommand.class,
      CertsCommand.class,
      CaCommand.class,
      FleetCommand.class,
      ShadowCommand.class,
      ThingsCommand.class,
      PolicyCommand.class,
      GenerateCompletion.class
    })
public final class IotctlCommand implements Runnable {
  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
