package dev.iotctl.cli.local;

import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.OutputOptions;
import dev.iotctl.cli.output.QueryOption;
import dev.iotctl.cli.output.ResultPrinter;
import dev.iotctl.local.rules.RulesStats;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "stats",
    description = {
      "Rule metrics of the local stand-in (DIR/stats.json, written every second and on stop):"
          + " per rule messages matched, actions executed and failed; rule executions dropped"
          + " because the engine's queue was full; Basic Ingest messages to a missing rule."
    },
    mixinStandardHelpOptions = true)
final class LocalStatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataDirOption dataDir;

  @Mixin OutputOptions outputOptions;

  @Mixin QueryOption queryOption;

  @Override
  public Integer call() {
    if (!Files.exists(dataDir.dataDir().resolve(RulesStats.FILE_NAME))) {
      throw new CliException(
          ExitCodes.NOT_FOUND,
          "no " + RulesStats.FILE_NAME + " in " + dataDir.dataDir(),
          "start the stand-in with 'iotctl local up --data-dir " + dataDir.dataDir() + "'");
    }
    RulesStats stats;
    try {
      stats = RulesStats.read(dataDir.dataDir());
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.FAILURE, "cannot read " + RulesStats.FILE_NAME + ": " + e.getMessage());
    }
    new ResultPrinter(spec.commandLine().getOut(), outputOptions.format(), queryOption.query())
        .print(stats.toJson(), json -> text(stats));
    return 0;
  }

  private static String text(RulesStats stats) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format("%-32s %10s %10s %10s", "RULE", "MATCHED", "EXECUTED", "FAILED"));
    stats
        .rules()
        .forEach(
            (name, c) ->
                lines.add(
                    String.format(
                        "%-32s %10d %10d %10d", name, c.matched(), c.executed(), c.failed())));
    lines.add("dropped: " + stats.dropped() + ", rule not found: " + stats.ruleNotFound());
    return String.join("\n", lines);
  }
}
