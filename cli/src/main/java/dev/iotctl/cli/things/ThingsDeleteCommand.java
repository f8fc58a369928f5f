package dev.iotctl.cli.things;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.cli.output.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = "Delete a thing.", mixinStandardHelpOptions = true)
final class ThingsDeleteCommand extends AwsCommand {
  @Parameters(paramLabel = "NAME", description = "Thing name.")
  String name;

  @Override
  protected int run(AwsClients clients) {
    clients.iot().deleteThing(r -> r.thingName(name));
    printer().print(Json.MAPPER.createObjectNode().put("deleted", name), Text::render);
    return 0;
  }
}
