package dev.iotctl.cli.jobs;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.model.CreateJobRequest;
import software.amazon.awssdk.services.iot.model.CreateJobResponse;

@Command(
    name = "create",
    description = {
      "Create a job for things and thing groups, from a document or a job template.",
      "Example: iotctl jobs create --targets group:fleet --document update.json --rate 10"
          + " --abort-on-failure 20%"
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl jobs create --targets thing:lamp-1,group:lamps --document reboot.json",
      "  iotctl jobs create --targets group:lamps --template fw-update --rate 10 --abort-on-failure 20%"
    })
final class JobsCreateCommand extends AwsCommand {
  @Option(
      names = "--targets",
      required = true,
      paramLabel = "LIST",
      description = "Comma-separated thing:NAME and group:NAME (or ARNs).")
  String targets;

  @ArgGroup(multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--document", paramLabel = "FILE", description = "The job document (JSON).")
    Path document;

    @Option(
        names = "--document-source",
        paramLabel = "URL",
        description = "The job document's S3 URL.")
    String documentSource;

    @Option(names = "--template", paramLabel = "ID", description = "A job template's id.")
    String template;
  }

  @Option(names = "--job-id", paramLabel = "ID", description = "Job id (default: job-<time>).")
  String jobId;

  @Option(names = "--description", paramLabel = "TEXT", description = "Job description.")
  String description;

  @Option(
      names = "--continuous",
      description = "Also run on things added to the target groups later.")
  boolean continuous;

  @Option(
      names = "--presign-role",
      paramLabel = "ARN",
      description = "Role that signs ${aws:iot:s3-presigned-url:...} placeholders.")
  String presignRole;

  @Mixin RolloutOptions rollout;

  @Override
  protected int run(AwsClients clients) {
    String id = jobId != null ? jobId : JobIds.unique("job");
    CreateJobRequest.Builder request =
        CreateJobRequest.builder()
            .jobId(id)
            .targets(JobTargets.arns(targets, clients))
            .targetSelection(continuous ? "CONTINUOUS" : "SNAPSHOT")
            .description(description);
    if (source.document != null) {
      request.document(read(source.document));
    } else if (source.documentSource != null) {
      request.documentSource(source.documentSource);
    } else {
      request.jobTemplateArn(
          clients
              .iot()
              .describeJobTemplate(b -> b.jobTemplateId(source.template))
              .jobTemplateArn());
    }
    if (presignRole != null) {
      request.presignedUrlConfig(p -> p.roleArn(presignRole));
    }
    CreateJobResponse created = clients.iot().createJob(rollout.applyTo(request).build());
    var json =
        Json.MAPPER
            .createObjectNode()
            .put("jobId", created.jobId())
            .put("jobArn", created.jobArn());
    if (created.description() != null) {
      json.put("description", created.description());
    }
    printer().print(json);
    return ExitCodes.OK;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage());
    }
  }
}
