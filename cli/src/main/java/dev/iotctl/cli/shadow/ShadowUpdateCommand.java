package dev.iotctl.cli.shadow;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "update",
    description = "Update a shadow: desired or reported state, or a whole request document.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl shadow update lamp --desired '{\"on\":false}' --version 7",
      "  iotctl shadow update lamp --reported '{\"on\":false}' --name config",
      "  echo '{\"state\":{\"desired\":null}}' | iotctl shadow update lamp -"
    })
final class ShadowUpdateCommand extends AwsCommand {
  @Parameters(index = "0", paramLabel = "THING", description = "Thing name.")
  String thing;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "STDIN",
      description = "'-' reads the whole request document from standard input.")
  String stdinMarker;

  // No mixinStandardHelpOptions: its --version would clash with the shadow version option.
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--name", paramLabel = "SHADOW", description = "Named shadow (default: classic).")
  String shadowName;

  @Option(
      names = "--version",
      paramLabel = "V",
      description = "Apply only if the shadow is at version V (else exit 4, version conflict).")
  Long version;

  @ArgGroup(exclusive = true)
  Source source;

  static final class Source {
    @Option(names = "--desired", paramLabel = "JSON", description = "Set state.desired.")
    String desired;

    @Option(names = "--reported", paramLabel = "JSON", description = "Set state.reported.")
    String reported;

    @Option(names = "--file", paramLabel = "FILE", description = "A whole request document.")
    Path file;
  }

  @Override
  protected int run(AwsClients clients) throws IOException {
    byte[] document = document();
    byte[] accepted = new ShadowTool(clients.data()).update(thing, shadowName, document);
    printer().printVerbatim(accepted);
    return 0;
  }

  private byte[] document() throws IOException {
    boolean stdin = "-".equals(stdinMarker);
    if (stdinMarker != null && !stdin) {
      throw new CliException(ExitCodes.USAGE, "unexpected argument: " + stdinMarker);
    }
    if ((source == null) == !stdin) {
      throw new CliException(
          ExitCodes.USAGE, "give exactly one of --desired, --reported, --file or '-' (stdin)");
    }
    if (stdin) {
      try (InputStream in = System.in) {
        return ShadowTool.withVersion(in.readAllBytes(), version);
      }
    }
    if (source.file != null) {
      if (!Files.isRegularFile(source.file)) {
        throw new CliException(ExitCodes.USAGE, "no such file: " + source.file);
      }
      return ShadowTool.withVersion(Files.readAllBytes(source.file), version);
    }
    String section = source.desired != null ? "desired" : "reported";
    String json = source.desired != null ? source.desired : source.reported;
    return ShadowTool.updateDocument(
        section, ShadowTool.parse(json.getBytes(StandardCharsets.UTF_8), "--" + section), version);
  }
}
