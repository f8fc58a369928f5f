package dev.iotctl.cli.things;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "describe",
    description = "DescribeThing's answer, plus the thing's principals.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl things describe lamp",
      "  iotctl things describe lamp --query attributes.room --output text"
    })
final class ThingsDescribeCommand extends AwsCommand {
  @Parameters(paramLabel = "NAME", description = "Thing name.")
  String name;

  @Override
  protected int run(AwsClients clients) {
    var t = clients.iot().describeThing(r -> r.thingName(name));
    var json = Json.MAPPER.createObjectNode();
    if (t.defaultClientId() != null) {
      json.put("defaultClientId", t.defaultClientId());
    }
    json.put("thingName", t.thingName()).put("thingId", t.thingId()).put("thingArn", t.thingArn());
    if (t.thingTypeName() != null) {
      json.put("thingTypeName", t.thingTypeName());
    }
    var attrs = json.putObject("attributes");
    t.attributes().forEach(attrs::put);
    json.put("version", t.version());
    var principals = json.putArray("principals");
    clients
        .iot()
        .listThingPrincipalsPaginator(r -> r.thingName(name))
        .principals()
        .forEach(principals::add);
    printer().print(json);
    return 0;
  }
}
