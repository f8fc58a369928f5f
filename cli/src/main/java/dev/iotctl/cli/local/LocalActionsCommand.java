package dev.iotctl.cli.local;

import dev.iotctl.cli.framework.CliEnvironment;
import dev.iotctl.cli.framework.DebugOption;
import dev.iotctl.local.StandInFiles;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "actions",
    description = {
      "Print what rule actions sent to other AWS services (DIR/actions.jsonl), one JSON object a"
          + " line: rule, actionType, target, payload (or payloadBase64), timestamp.",
      "Republish actions are not listed: they publish to the stand-in's broker."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl local actions --follow",
      "  iotctl local actions --rule hot --follow --timeout 30s"
    })
final class LocalActionsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataDirOption dataDir;

  @Mixin DebugOption debug;

  @Option(names = "--rule", paramLabel = "NAME", description = "Only this rule's actions.")
  String rule;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing actions as they happen, until interrupted or --timeout.")
  boolean follow;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "With --follow: stop after this long, e.g. 30s, 5m or PT30S.")
  Duration timeout;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    ActionLog log =
        new ActionLog(new StandInFiles(dataDir.dataDir(CliEnvironment.of(spec))).actions(), rule);
    if (follow) {
      log.follow(
          line -> {
            out.println(line);
            out.flush();
          },
          timeout);
    } else {
      log.drain(out::println);
      out.flush();
    }
    return 0;
  }
}
