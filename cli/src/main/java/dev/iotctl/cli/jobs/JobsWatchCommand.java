package dev.iotctl.cli.jobs;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.OutputFormat;
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
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl jobs watch reboot-1 --output text",
      "  iotctl jobs watch fw-1 --interval 2s --timeout 30m"
    })
final class JobsWatchCommand extends AwsCommand {
  @Parameters(paramLabel = "JOB_ID", description = "Job id.")
  String jobId;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "2s",
      description = "Time between DescribeJob calls (default ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Give up (exit 1) after this long.")
  Duration timeout;

  @Override
  protected int run(AwsClients clients) throws InterruptedException {
    JobProgress last =
        new JobWatcher(clients.iot(), interval).watch(jobId, timeout, progressPrinter(out()));
    return last.succeededAll() ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private java.util.function.Consumer<JobProgress> progressPrinter(PrintWriter out) {
    boolean text = awsOptions.get().format() == OutputFormat.text;
    return p -> {
      out.println(text ? p.line() : p.json().toString());
      out.flush();
    };
  }
}
