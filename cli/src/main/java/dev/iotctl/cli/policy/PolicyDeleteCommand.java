package dev.iotctl.cli.policy;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.cli.output.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "delete",
    description = "Delete a policy (refused by the service while it is attached).",
    mixinStandardHelpOptions = true)
final class PolicyDeleteCommand extends AwsCommand {
  @Parameters(paramLabel = "NAME", description = "Policy name.")
  String name;

  @Override
  protected int run(AwsClients clients) {
    clients.iot().deletePolicy(r -> r.policyName(name));
    printer().print(Json.MAPPER.createObjectNode().put("deleted", name), Text::render);
    return 0;
  }
}
