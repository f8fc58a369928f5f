package dev.iotctl.cli.things;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.cli.output.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "describe",
    description = "Describe a thing and its principals.",
    mixinStandardHelpOptions = true)
final class ThingsDescribeCommand extends AwsCommand {
  @Parameters(paramLabel = "NAME", description = "Thing name.")
  String name;

  @Override
  protected int run(AwsClients clients) {
    var t = clients.iot().describeThing(r -> r.thingName(name));
    var json =
        Json.MAPPER
            .createObjectNode()
            .put("thingName", t.thingName())
            .put("thingArn", t.thingArn())
            .put("thingId", t.thingId())
            .put("version", t.version());
    if (t.thingTypeName() != null) {
      json.put("thingTypeName", t.thingTypeName());
    }
    var attrs = json.putObject("attributes");
    t.attributes().forEach(attrs::put);
    var principals = json.putArray("principals");
    clients
        .iot()
        .listThingPrincipalsPaginator(r -> r.thingName(name))
        .principals()
        .forEach(principals::add);
    printer().print(json, Text::render);
    return 0;
  }
}
