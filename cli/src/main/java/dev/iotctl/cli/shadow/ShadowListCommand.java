package dev.iotctl.cli.shadow;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.Json;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "list",
    description = "ListNamedShadowsForThing, every page: {\"results\": [...]}.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  iotctl shadow list lamp --output text"})
final class ShadowListCommand extends AwsCommand {
  @Parameters(paramLabel = "THING", description = "Thing name.")
  String thing;

  @Override
  protected int run(AwsClients clients) {
    List<String> names = new ShadowTool(clients.data()).list(thing);
    var json = Json.MAPPER.createObjectNode();
    names.forEach(json.putArray("results")::add);
    printer().print(json);
    return 0;
  }
}
