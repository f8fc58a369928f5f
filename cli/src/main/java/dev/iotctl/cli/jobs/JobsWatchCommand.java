package dev.iotctl.cli.jobs;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.OutputFormat;
import dev.iotctl.cli.local.DurationConverter;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "watch",
    description = {
      "Follow a job until it ends, printing a progress line at every change (JSON lines by"
          + " default, one line per change with --output text).",
      "Exit 0 when it completed with every execution succeeded; 1 when it was canceled or"
          + " aborted, or any execution failed, was rejected or timed out."
    },
    mixinStandardHelpOptions = true)
final class JobsWatchCommand extends AwsCommand {
  @Parameters(paramLabel = "JOB_ID", description = "Job id.")
  String jobId;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "2s",
      converter = DurationConverter.class,
      description = "Time between DescribeJob calls (default ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Give up (exit 1) after this long.")
  Duration timeout;

  @Override
  protected int run(AwsClients clients) throws InterruptedException {
    JobProgress last =
        new JobWatcher(clients.iot(), interval).watch(jobId, timeout, progressPrinter(out()));
    return last.succeededAll() ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private java.util.function.Consumer<JobProgress> progressPrinter(PrintWriter out) {
    boolean text = outputOptions.format() == OutputFormat.text;
    return p -> {
      out.println(text ? p.line() : p.json().toString());
      out.flush();
    };
  }
}
