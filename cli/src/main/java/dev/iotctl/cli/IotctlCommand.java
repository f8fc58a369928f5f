package dev.iotctl.cli;

import dev.iotctl.cli.ca.CaCommand;
import dev.iotctl.cli.certs.CertsCommand;
import dev.iotctl.cli.demo.DemoCommand;
import dev.iotctl.cli.device.DeviceCommand;
import dev.iotctl.cli.fleet.FleetCommand;
import dev.iotctl.cli.framework.CliEnvironment;
import dev.iotctl.cli.framework.VersionProvider;
import dev.iotctl.cli.jobs.JobsCommand;
import dev.iotctl.cli.local.LocalCommand;
import dev.iotctl.cli.ota.OtaCommand;
import dev.iotctl.cli.policy.PolicyCommand;
import dev.iotctl.cli.shadow.ShadowCommand;
import dev.iotctl.cli.things.ThingsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The root command: {@code iotctl}. Without a subcommand it prints its usage. */
@Command(
    name = "iotctl",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Provision AWS IoT Core fleets as code and test everything locally.",
    footerHeading = "%nAWS options:%n",
    footer = {
      "Every command that calls AWS takes, in its 'AWS options' section, the AWS CLI's --profile,"
          + " --region, --endpoint-url, --output json|text|table|yaml, --query and --debug, plus"
          + " --data-endpoint, and --local [--local-dir DIR] for the stand-in. Unset, they come from"
          + " the environment as for the AWS CLI (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL_IOT,"
          + " ~/.aws) and IOTCTL_LOCAL_DIR.",
      "",
      "Exit codes: 0 ok, 1 failure (or not in sync / denied / lint findings), 2 usage, 3 not"
          + " found, 4 conflict, 5 throttled, 6 unauthorized, 7 invalid request, 8 unreachable."
    },
    subcommands = {
      DemoCommand.class,
      LocalCommand.class,
      CertsCommand.class,
      CaCommand.class,
      FleetCommand.class,
      ShadowCommand.class,
      ThingsCommand.class,
      PolicyCommand.class,
      JobsCommand.class,
      OtaCommand.class,
      DeviceCommand.class,
      CompletionCommand.class
    })
public final class IotctlCommand implements Runnable, CliEnvironment.Holder {
  private final CliEnvironment environment;

  @Spec CommandSpec spec;

  @Option(names = "--debug", description = "Stack traces and details on failure.")
  boolean debug;

  public IotctlCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public CliEnvironment environment() {
    return environment;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
