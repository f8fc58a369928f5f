package dev.iotctl.cli.shadow;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.output.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = "Delete a shadow.", mixinStandardHelpOptions = true)
final class ShadowDeleteCommand extends AwsCommand {
  @Parameters(paramLabel = "THING", description = "Thing name.")
  String thing;

  @Option(names = "--name", paramLabel = "SHADOW", description = "Named shadow (default: classic).")
  String shadowName;

  @Override
  protected int run(AwsClients clients) {
    printer().printVerbatim(new ShadowTool(clients.data()).delete(thing, shadowName), Text::render);
    return 0;
  }
}
