package dev.iotctl.cli.jobs;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.model.JobSummary;

@Command(
    name = "list",
    description = "List jobs (all pages).",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl jobs list --status IN_PROGRESS",
      "  iotctl jobs list --query 'jobs[].jobId' --output text"
    })
final class JobsListCommand extends AwsCommand {
  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Only jobs in this status (IN_PROGRESS, CANCELED, COMPLETED, ...).")
  String status;

  @Option(names = "--group", paramLabel = "NAME", description = "Only jobs targeting this group.")
  String group;

  @Override
  protected int run(AwsClients clients) {
    List<JobSummary> jobs = new ArrayList<>();
    clients
        .iot()
        .listJobsPaginator(b -> b.status(status).thingGroupName(group).maxResults(250))
        .jobs()
        .forEach(jobs::add);
    var json = Json.MAPPER.createArrayNode();
    for (JobSummary j : jobs) {
      var item =
          json.addObject()
              .put("jobId", j.jobId())
              .put("status", j.statusAsString())
              .put("targetSelection", j.targetSelectionAsString());
      if (j.createdAt() != null) {
        item.put("createdAt", j.createdAt().toString());
      }
    }
    printer().print(json);
    return ExitCodes.OK;
  }
}
