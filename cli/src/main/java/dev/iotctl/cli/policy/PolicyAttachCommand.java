package dev.iotctl.cli.policy;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "attach",
    description = "Attach a policy to a certificate or target. Prints nothing, as the AWS CLI.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl policy attach device --certificate-id 1a2b...",
      "  iotctl policy attach device --target arn:aws:iot:us-east-1:123456789012:thinggroup/lamps"
    })
final class PolicyAttachCommand extends AwsCommand {
  @Parameters(paramLabel = "NAME", description = "Policy name.")
  String name;

  @Mixin PolicyTarget target;

  @Override
  protected int run(AwsClients clients) {
    String arn = target.arn(clients.iot());
    clients.iot().attachPolicy(r -> r.policyName(name).target(arn));
    return 0;
  }
}
