package dev.iotctl.cli.policy;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "detach",
    description = "Detach a policy from a certificate or target. Prints nothing, as the AWS CLI.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  iotctl policy detach device --certificate-id 1a2b..."})
final class PolicyDetachCommand extends AwsCommand {
  @Parameters(paramLabel = "NAME", description = "Policy name.")
  String name;

  @Mixin PolicyTarget target;

  @Override
  protected int run(AwsClients clients) {
    String arn = target.arn(clients.iot());
    clients.iot().detachPolicy(r -> r.policyName(name).target(arn));
    return 0;
  }
}
