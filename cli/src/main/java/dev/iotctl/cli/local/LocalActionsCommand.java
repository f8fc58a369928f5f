package dev.iotctl.cli.local;

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
    mixinStandardHelpOptions = true)
final class LocalActionsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataDirOption dataDir;

  @Option(names = "--rule", paramLabel = "NAME", description = "Only this rule's actions.")
  String rule;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing actions as they happen, until interrupted or --timeout.")
  boolean follow;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "With --follow: stop after this long, e.g. PT30S or 30s.",
      converter = DurationConverter.class)
  Duration timeout;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    ActionLog log = new ActionLog(dataDir.dataDir().resolve("actions.jsonl"), rule);
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
