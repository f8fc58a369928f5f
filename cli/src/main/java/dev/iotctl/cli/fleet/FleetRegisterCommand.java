package dev.iotctl.cli.fleet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.DescribeThingRegistrationTaskResponse;
import software.amazon.awssdk.services.iot.model.ReportType;

@Command(
    name = "register",
    description = {
      "Bulk registration: StartThingRegistrationTask with a provisioning template and a JSON Lines"
          + " file (one device's parameters per line), progress while it runs, then the result and"
          + " error reports written to --reports.",
      "On AWS the input must be in S3: give --bucket and --key of the uploaded file"
          + " (aws s3 cp devices.jsonl s3://BUCKET/KEY) and --role-arn. On the stand-in (--local)"
          + " the local --input file is read directly."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl fleet register --template sensors --input devices.jsonl --reports reports",
      "  iotctl fleet register --template sensors --bucket my-bucket --key devices.jsonl --role-arn arn:aws:iam::123456789012:role/reg"
    })
final class FleetRegisterCommand extends AwsCommand {
  @Option(
      names = "--template",
      paramLabel = "NAME|FILE",
      required = true,
      description = "A provisioning template's name, or a template body file.")
  String template;

  @Option(names = "--input", paramLabel = "FILE", description = "devices.jsonl (stand-in).")
  Path input;

  @Option(names = "--bucket", paramLabel = "BUCKET", description = "S3 bucket of the input (AWS).")
  String bucket;

  @Option(names = "--key", paramLabel = "KEY", description = "S3 key of the input (AWS).")
  String key;

  @Option(
      names = "--role-arn",
      paramLabel = "ARN",
      description = "Role that reads the input and registers (required on AWS).")
  String roleArn;

  @Option(
      names = "--reports",
      paramLabel = "DIR",
      defaultValue = "registration-reports",
      description = "Where results.jsonl and errors.jsonl go (default: ${DEFAULT-VALUE}).")
  Path reports;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "3600",
      description = "Give up waiting after this long (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Override
  protected int run(AwsClients clients) throws Exception {
    IotClient iot = clients.iot();
    boolean local = clients.target().isLocal();
    String inputBucket;
    String inputKey;
    if (local) {
      if (input == null) {
        throw new CliException(ExitCodes.USAGE, "--input FILE is required with --local");
      }
      if (!Files.isRegularFile(input)) {
        throw new CliException(ExitCodes.USAGE, "cannot read " + input);
      }
      inputBucket = bucket == null ? "iotctl-local" : bucket;
      inputKey = input.toAbsolutePath().toString();
    } else {
      if (bucket == null || key == null || roleArn == null) {
        throw new CliException(
            ExitCodes.USAGE, "on AWS give --bucket and --key of the uploaded input and --role-arn");
      }
      inputBucket = bucket;
      inputKey = key;
    }
    String body = templateBody(iot);
    String role =
        roleArn != null
            ? roleArn
            : "arn:aws:iam::" + clients.accountId() + ":role/iotctl-bulk-registration";
    String taskId =
        iot.startThingRegistrationTask(
                b ->
                    b.templateBody(body)
                        .inputFileBucket(inputBucket)
                        .inputFileKey(inputKey)
                        .roleArn(role))
            .taskId();
    err().println("task " + taskId + " started");
    DescribeThingRegistrationTaskResponse task = waitFor(iot, taskId);
    Files.createDirectories(reports);
    download(iot, taskId, ReportType.RESULTS, reports.resolve("results.jsonl"));
    download(iot, taskId, ReportType.ERRORS, reports.resolve("errors.jsonl"));
    ObjectNode result = Json.MAPPER.createObjectNode();
    result
        .put("taskId", taskId)
        .put("status", task.statusAsString())
        .put("successCount", task.successCount())
        .put("failureCount", task.failureCount())
        .put("results", reports.resolve("results.jsonl").toString())
        .put("errors", reports.resolve("errors.jsonl").toString());
    if (task.message() != null) {
      result.put("message", task.message());
    }
    printer().print(result);
    boolean clean = task.statusAsString().equals("Completed") && task.failureCount() == 0;
    return clean ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private String templateBody(IotClient iot) throws IOException {
    Path file = Path.of(template);
    if (Files.isRegularFile(file)) {
      return Files.readString(file);
    }
    return iot.describeProvisioningTemplate(b -> b.templateName(template)).templateBody();
  }

  private DescribeThingRegistrationTaskResponse waitFor(IotClient iot, String taskId)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
    int lastPercent = -1;
    while (true) {
      DescribeThingRegistrationTaskResponse task =
          iot.describeThingRegistrationTask(b -> b.taskId(taskId));
      if (task.percentageProgress() != lastPercent) {
        lastPercent = task.percentageProgress();
        err()
            .printf(
                "%3d%%  registered %d, failed %d%n",
                lastPercent, task.successCount(), task.failureCount());
      }
      if (!List.of("InProgress", "Cancelling").contains(task.statusAsString())) {
        return task;
      }
      if (Instant.now().isAfter(deadline)) {
        iot.stopThingRegistrationTask(b -> b.taskId(taskId));
        throw new CliException(
            ExitCodes.FAILURE,
            "task " + taskId + " still running after " + timeoutSeconds + " s; stopped");
      }
      Thread.sleep(Duration.ofMillis(500).toMillis());
    }
  }

  /** Concatenates the report files (file: on the stand-in, presigned https: on AWS). */
  private static void download(IotClient iot, String taskId, ReportType type, Path target)
      throws IOException {
    List<String> links =
        iot.listThingRegistrationTaskReports(b -> b.taskId(taskId).reportType(type))
            .resourceLinks();
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    Files.deleteIfExists(partial);
    Files.createFile(partial);
    for (String link : links) {
      try (InputStream in = URI.create(link).toURL().openStream()) {
        Files.write(partial, in.readAllBytes(), java.nio.file.StandardOpenOption.APPEND);
      }
    }
    Files.move(
        partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
