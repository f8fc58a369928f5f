package dev.iotctl.cli.jobs;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "cancel",
    description = {
      "Cancel a job: queued executions are canceled; with --force also those in progress."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl jobs cancel reboot-1 --reason-code NOT_NEEDED",
      "  iotctl jobs cancel fw-1 --force --comment \"bad build\""
    })
final class JobsCancelCommand extends AwsCommand {
  @Parameters(paramLabel = "JOB_ID", description = "Job id.")
  String jobId;

  @Option(names = "--force", description = "Also cancel executions in progress.")
  boolean force;

  @Option(names = "--reason-code", paramLabel = "CODE", description = "e.g. BAD_FIRMWARE.")
  String reasonCode;

  @Option(names = "--comment", paramLabel = "TEXT", description = "Why it is canceled.")
  String comment;

  @Override
  protected int run(AwsClients clients) {
    clients
        .iot()
        .cancelJob(b -> b.jobId(jobId).force(force).reasonCode(reasonCode).comment(comment));
    JobProgress progress = JobProgress.of(clients.iot().describeJob(b -> b.jobId(jobId)).job());
    printer().print(progress.json());
    return ExitCodes.OK;
  }
}
