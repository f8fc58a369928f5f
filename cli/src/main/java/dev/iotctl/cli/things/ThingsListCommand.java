package dev.iotctl.cli.things;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.Json;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.model.ThingAttribute;

@Command(name = "list", description = "List things (all pages).", mixinStandardHelpOptions = true)
final class ThingsListCommand extends AwsCommand {
  @Option(names = "--thing-type", paramLabel = "T", description = "Only things of this type.")
  String thingType;

  @Option(names = "--attribute-name", paramLabel = "K", description = "Filter by attribute name...")
  String attributeName;

  @Option(names = "--attribute-value", paramLabel = "V", description = "...and value.")
  String attributeValue;

  @Override
  protected int run(AwsClients clients) {
    List<ThingAttribute> things = new ArrayList<>();
    clients
        .iot()
        .listThingsPaginator(
            r ->
                r.thingTypeName(thingType)
                    .attributeName(attributeName)
                    .attributeValue(attributeValue)
                    .maxResults(250))
        .things()
        .forEach(things::add);
    var json = Json.MAPPER.createArrayNode();
    for (ThingAttribute t : things) {
      var item =
          json.addObject()
              .put("thingName", t.thingName())
              .put("thingArn", t.thingArn())
              .put("version", t.version());
      if (t.thingTypeName() != null) {
        item.put("thingTypeName", t.thingTypeName());
      }
      var attrs = item.putObject("attributes");
      t.attributes().forEach(attrs::put);
    }
    printer()
        .print(
            json, n -> String.join("\n", things.stream().map(ThingAttribute::thingName).toList()));
    return 0;
  }
}
