package dev.iotctl.cli.things;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.iot.model.AttributePayload;

@Command(
    name = "create",
    description = "Create a thing (prints CreateThing's answer, as the AWS CLI does).",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl things create lamp",
      "  iotctl things create lamp --thing-type light --attribute room=kitchen"
    })
final class ThingsCreateCommand extends AwsCommand {
  @Parameters(paramLabel = "NAME", description = "Thing name.")
  String name;

  @Option(names = "--thing-type", paramLabel = "T", description = "Thing type.")
  String thingType;

  @Option(names = "--attribute", paramLabel = "K=V", description = "Attribute (repeatable).")
  Map<String, String> attributes = new LinkedHashMap<>();

  @Override
  protected int run(AwsClients clients) {
    var created =
        clients
            .iot()
            .createThing(
                r ->
                    r.thingName(name)
                        .thingTypeName(thingType)
                        .attributePayload(
                            attributes.isEmpty()
                                ? null
                                : AttributePayload.builder().attributes(attributes).build()));
    printer()
        .print(
            Json.MAPPER
                .createObjectNode()
                .put("thingName", created.thingName())
                .put("thingArn", created.thingArn())
                .put("thingId", created.thingId()));
    return 0;
  }
}
