package dev.iotctl.cli.things;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.model.ThingAttribute;

@Command(
    name = "list",
    description = "ListThings, every page, printed as the AWS CLI prints it: {\"things\": [...]}.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl things list --query 'things[].thingName' --output text",
      "  iotctl things list --query 'things[?attributes.room==`kitchen`].thingName'",
      "  iotctl things list --thing-type light --output table"
    })
final class ThingsListCommand extends AwsCommand {
  @Option(names = "--thing-type", paramLabel = "T", description = "Only things of this type.")
  String thingType;

  @Option(names = "--attribute-name", paramLabel = "K", description = "Filter by attribute name...")
  String attributeName;

  @Option(names = "--attribute-value", paramLabel = "V", description = "...and value.")
  String attributeValue;

  @Override
  protected int run(AwsClients clients) {
    var json = Json.MAPPER.createObjectNode();
    var things = json.putArray("things");
    for (ThingAttribute t :
        clients
            .iot()
            .listThingsPaginator(
                r ->
                    r.thingTypeName(thingType)
                        .attributeName(attributeName)
                        .attributeValue(attributeValue)
                        .maxResults(250))
            .things()) {
      var item = things.addObject().put("thingName", t.thingName());
      if (t.thingTypeName() != null) {
        item.put("thingTypeName", t.thingTypeName());
      }
      item.put("thingArn", t.thingArn());
      var attrs = item.putObject("attributes");
      t.attributes().forEach(attrs::put);
      item.put("version", t.version());
    }
    printer().print(json);
    return 0;
  }
}
