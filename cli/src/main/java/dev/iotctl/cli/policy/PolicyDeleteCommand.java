package dev.iotctl.cli.policy;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "delete",
    description =
        "Delete a policy (refused by the service while it is attached: exit 4). Prints nothing.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  iotctl policy delete device"})
final class PolicyDeleteCommand extends AwsCommand {
  @Parameters(paramLabel = "NAME", description = "Policy name.")
  String name;

  @Override
  protected int run(AwsClients clients) {
    clients.iot().deletePolicy(r -> r.policyName(name));
    return 0;
  }
}
