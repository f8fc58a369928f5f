package dev.iotctl.cli.local;

import dev.iotctl.cli.framework.CliEnvironment;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.OutputOptions;
import dev.iotctl.cli.framework.Titles;
import dev.iotctl.local.StandInFiles;
import dev.iotctl.local.rules.RulesStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl local stats --output table",
      "  iotctl local stats --query rules.hot.failed"
    })
final class LocalStatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataDirOption dataDir;

  @Mixin OutputOptions outputOptions;

  @Override
  public Integer call() {
    Path dir = dataDir.dataDir(CliEnvironment.of(spec));
    if (!Files.exists(new StandInFiles(dir).stats())) {
      throw new CliException(
          ExitCodes.NOT_FOUND,
          "no " + StandInFiles.STATS + " in " + dir,
          "start the stand-in with 'iotctl local up --local-dir " + dir + "'");
    }
    RulesStats stats;
    try {
      stats = RulesStats.read(dir);
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.FAILURE, "cannot read " + StandInFiles.STATS + ": " + e.getMessage());
    }
    outputOptions.get().printer(spec.commandLine().getOut(), Titles.of(spec)).print(stats.toJson());
    return 0;
  }
}
