package dev.iotctl.cli.shadow;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "delete",
    description = "Delete a shadow; prints the service's answer.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  iotctl shadow delete lamp", "  iotctl shadow delete lamp --name config"})
final class ShadowDeleteCommand extends AwsCommand {
  @Parameters(paramLabel = "THING", description = "Thing name.")
  String thing;

  @Option(names = "--name", paramLabel = "SHADOW", description = "Named shadow (default: classic).")
  String shadowName;

  @Override
  protected int run(AwsClients clients) {
    printer().printVerbatim(new ShadowTool(clients.data()).delete(thing, shadowName));
    return 0;
  }
}
