package dev.iotctl.cli.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.Json;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "get",
    description = "Print a shadow document exactly as the service returns it.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl shadow get lamp",
      "  iotctl shadow get lamp --query state.reported",
      "  iotctl shadow get lamp --name config --delta"
    })
public final class ShadowGetCommand extends AwsCommand {
  @Parameters(paramLabel = "THING", description = "Thing name.")
  String thing;

  @Option(names = "--name", paramLabel = "SHADOW", description = "Named shadow (default: classic).")
  String shadowName;

  @ArgGroup(exclusive = true)
  Part part;

  static final class Part {
    @Option(names = "--desired", description = "Print only state.desired.")
    boolean desired;

    @Option(names = "--reported", description = "Print only state.reported.")
    boolean reported;

    @Option(names = "--delta", description = "Print only state.delta.")
    boolean delta;

    String path() {
      return desired ? "desired" : reported ? "reported" : "delta";
    }
  }

  @Override
  protected int run(AwsClients clients) {
    byte[] document = new ShadowTool(clients.data()).get(thing, shadowName);
    if (part == null) {
      printer().printVerbatim(document);
    } else {
      JsonNode selected = ShadowTool.parse(document, "the shadow").path("state").path(part.path());
      // An absent section prints as an empty object, so | jq never sees nothing.
      printer().print(selected.isMissingNode() ? Json.MAPPER.createObjectNode() : selected);
    }
    return 0;
  }
}
