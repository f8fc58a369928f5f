package dev.iotctl.cli.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.iot.model.Job;

@Command(
    name = "describe",
    description = "A job's status, targets and execution counts.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl jobs describe reboot-1",
      "  iotctl jobs describe reboot-1 --query 'jobProcessDetails'"
    })
final class JobsDescribeCommand extends AwsCommand {
  @Parameters(paramLabel = "JOB_ID", description = "Job id.")
  String jobId;

  @Override
  protected int run(AwsClients clients) {
    Job job = clients.iot().describeJob(b -> b.jobId(jobId)).job();
    JobProgress progress = JobProgress.of(job);
    ObjectNode json = progress.json();
    json.put("jobArn", job.jobArn()).put("targetSelection", job.targetSelectionAsString());
    var targets = json.putArray("targets");
    job.targets().forEach(targets::add);
    if (job.description() != null) {
      json.put("description", job.description());
    }
    if (job.reasonCode() != null) {
      json.put("reasonCode", job.reasonCode());
    }
    json.put("forceCanceled", Boolean.TRUE.equals(job.forceCanceled()));
    if (job.createdAt() != null) {
      json.put("createdAt", job.createdAt().toString());
    }
    if (job.completedAt() != null) {
      json.put("completedAt", job.completedAt().toString());
    }
    printer().print(json);
    return ExitCodes.OK;
  }
}
