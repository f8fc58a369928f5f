package dev.iotctl.cli.policy;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.cli.output.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "detach",
    description = "Detach a policy from a certificate or target.",
    mixinStandardHelpOptions = true)
final class PolicyDetachCommand extends AwsCommand {
  @Parameters(paramLabel = "NAME", description = "Policy name.")
  String name;

  @Mixin PolicyTarget target;

  @Override
  protected int run(AwsClients clients) {
    String arn = target.arn(clients.iot());
    clients.iot().detachPolicy(r -> r.policyName(name).target(arn));
    printer()
        .print(
            Json.MAPPER.createObjectNode().put("policyName", name).put("detachedFrom", arn),
            Text::render);
    return 0;
  }
}
