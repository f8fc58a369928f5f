package dev.iotctl.cli.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.output.Text;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "get",
    description = "Print a shadow document exactly as the service returns it.",
    mixinStandardHelpOptions = true)
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
      printer().printVerbatim(document, Text::render);
    } else {
      JsonNode selected = ShadowTool.parse(document, "the shadow").path("state").path(part.path());
      printer().print(selected.isMissingNode() ? Json.empty() : selected, Text::render);
    }
    return 0;
  }

  /** An absent section prints as an empty object, so {@code | jq} never sees nothing. */
  private static final class Json {
    static JsonNode empty() {
      return dev.iotctl.cli.framework.Json.MAPPER.createObjectNode();
    }
  }
}
