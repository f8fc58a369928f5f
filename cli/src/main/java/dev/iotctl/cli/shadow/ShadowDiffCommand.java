package dev.iotctl.cli.shadow;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "diff",
    description = {
      "Desired vs reported, leaf by leaf: {\"inSync\": ..., \"differences\": [{\"path\","
          + " \"kind\", \"desired\", \"reported\"}]}. Exit 0 when in sync, 1 when not.",
      "Unlike the service's delta it also lists reported-only keys."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  iotctl shadow diff lamp", "  iotctl shadow diff lamp --output table"})
final class ShadowDiffCommand extends AwsCommand {
  @Parameters(paramLabel = "THING", description = "Thing name.")
  String thing;

  @Option(names = "--name", paramLabel = "SHADOW", description = "Named shadow (default: classic).")
  String shadowName;

  @Override
  protected int run(AwsClients clients) {
    byte[] document = new ShadowTool(clients.data()).get(thing, shadowName);
    ShadowDiff diff = ShadowDiff.of(ShadowTool.parse(document, "the shadow"));
    printer().print(diff.toJson());
    return diff.inSync() ? 0 : 1;
  }
}
