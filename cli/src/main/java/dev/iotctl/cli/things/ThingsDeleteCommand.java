package dev.iotctl.cli.things;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "delete",
    description = "Delete a thing. Prints nothing on success, as the AWS CLI.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  iotctl things delete lamp"})
final class ThingsDeleteCommand extends AwsCommand {
  @Parameters(paramLabel = "NAME", description = "Thing name.")
  String name;

  @Override
  protected int run(AwsClients clients) {
    clients.iot().deleteThing(r -> r.thingName(name));
    return 0;
  }
}
