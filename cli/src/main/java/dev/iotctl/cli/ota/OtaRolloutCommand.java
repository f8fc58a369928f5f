package dev.iotctl.cli.ota;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.cli.framework.OutputFormat;
import dev.iotctl.cli.jobs.JobIds;
import dev.iotctl.cli.jobs.JobProgress;
import dev.iotctl.cli.jobs.JobTargets;
import dev.iotctl.cli.jobs.JobWatcher;
import dev.iotctl.cli.jobs.RolloutOptions;
import dev.iotctl.core.jobs.S3Location;
import dev.iotctl.core.ota.FirmwareDocument;
import dev.iotctl.local.jobs.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.model.CreateJobRequest;

@Command(
    name = "rollout",
    description = {
      "Roll signed firmware out with AWS IoT Jobs: a job for the --canary group first; only when"
          + " every canary device succeeded, a job for the --then group with the rollout, abort"
          + " and timeout options. A failed or aborted canary stops the rollout before the"
          + " fleet; an aborted fleet job cancels its queued executions; Ctrl-C cancels the job"
          + " in flight.",
      "Locally the file is put where the stand-in serves it; on AWS upload it to S3 yourself and"
          + " pass --file-url and --presign-role.",
      "Exit 0 when every targeted device installed the firmware, 1 otherwise."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl ota rollout --canary canary --then fleet --file fw.bin --key keys/code-signing.key --firmware-version 1.1.0",
      "  iotctl ota rollout --then fleet --file fw.bin --key keys/code-signing.key --firmware-version 1.1.0 --rate 20 --abort-on-failure 20%"
    })
final class OtaRolloutCommand extends AwsCommand {
  /** The bucket firmware goes to on the stand-in ({@code DIR/files/iotctl-ota/…}). */
  static final String LOCAL_BUCKET = "iotctl-ota";

  @Option(names = "--file", required = true, paramLabel = "FILE", description = "The firmware.")
  Path file;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "PEM",
      description = "The code-signing private key (EC P-256).")
  Path key;

  @Option(
      names = "--firmware-version",
      required = true,
      paramLabel = "VERSION",
      description = "The firmware version devices report once installed.")
  String version;

  @Option(names = "--canary", paramLabel = "GROUP", description = "Thing group updated first.")
  String canary;

  @Option(
      names = "--then",
      required = true,
      paramLabel = "GROUP",
      description = "Thing group updated after the canary.")
  String fleet;

  @Option(
      names = "--file-url",
      paramLabel = "S3_URL",
      description = "Where the file already is in S3 (required on AWS).")
  String fileUrl;

  @Option(
      names = "--presign-role",
      paramLabel = "ARN",
      description =
          "Role AWS IoT uses to pre-sign the download URL (required on AWS; a placeholder"
              + " locally).")
  String presignRole;

  @Option(
      names = "--job-id-prefix",
      paramLabel = "PREFIX",
      description = "Jobs are PREFIX-canary and PREFIX-fleet (default: ota-VERSION-<time>).")
  String jobIdPrefix;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "2s",
      description = "Time between progress checks (default ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Give up waiting for each job after this long.")
  Duration timeout;

  @Mixin RolloutOptions rollout;

  @Override
  protected int run(AwsClients clients) throws InterruptedException {
    SignedFirmware signed = SignedFirmware.sign(file, key);
    String name = file.getFileName().toString();
    String url = stage(clients, name);
    // One account lookup (STS on AWS) for the presign role and both jobs' target ARNs.
    String account = clients.accountId();
    String role =
        presignRole != null ? presignRole : "arn:aws:iam::" + account + ":role/iotctl-ota-presign";
    FirmwareDocument document;
    try {
      document =
          new FirmwareDocument(
              version,
              name,
              "${aws:iot:s3-presigned-url:" + url + "}",
              signed.size(),
              signed.sha256(),
              signed.signature());
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage());
    }
    String prefix =
        jobIdPrefix != null ? jobIdPrefix : JobIds.unique("ota-" + JobIds.safe(version));
    ObjectNode summary =
        Json.MAPPER
            .createObjectNode()
            .put("version", version)
            .put("sha256", signed.sha256())
            .put("file", url);
    AtomicReference<String> inFlight = new AtomicReference<>();
    Thread cancelOnInterrupt = new Thread(() -> cancelQuietly(clients, inFlight.get()));
    Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
    try {
      if (canary != null) {
        JobProgress canaryResult =
            runJob(clients, account, prefix + "-canary", canary, document, role, false, inFlight);
        summary.set("canary", canaryResult.json());
        if (!canaryResult.succeededAll()) {
          summary.put("result", "canary failed: the fleet job was not created");
          printer().print(summary);
          return ExitCodes.FAILURE;
        }
      }
      JobProgress fleetResult =
          runJob(clients, account, prefix + "-fleet", fleet, document, role, true, inFlight);
      summary.set("fleet", fleetResult.json());
      boolean ok = fleetResult.succeededAll();
      summary.put("result", ok ? "succeeded" : "fleet job " + fleetResult.status().toLowerCase());
      printer().print(summary);
      return ok ? ExitCodes.OK : ExitCodes.FAILURE;
    } finally {
      inFlight.set(null);
      try {
        Runtime.getRuntime().removeShutdownHook(cancelOnInterrupt);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it cancels what is in flight
      }
    }
  }

  /** Creates one job and follows it to its end, printing its progress. */
  private JobProgress runJob(
      AwsClients clients,
      String account,
      String jobId,
      String group,
      FirmwareDocument document,
      String role,
      boolean withRate,
      AtomicReference<String> inFlight)
      throws InterruptedException {
    CreateJobRequest.Builder request =
        CreateJobRequest.builder()
            .jobId(jobId)
            .targets(JobTargets.arns("group:" + group, clients.region(), account))
            .document(document.toJsonText())
            .description("firmware " + version + " for group " + group)
            .presignedUrlConfig(p -> p.roleArn(role).expiresInSec(3600L));
    rollout.applyTo(request, withRate);
    clients.iot().createJob(request.build());
    inFlight.set(jobId);
    boolean text = awsOptions.get().format() == OutputFormat.text;
    JobProgress result =
        new JobWatcher(clients.iot(), interval)
            .watch(
                jobId,
                timeout,
                p -> {
                  out().println(text ? p.line() : p.json().toString());
                  out().flush();
                });
    inFlight.set(null);
    return result;
  }

  /**
   * Puts the file where devices will download it from: into the stand-in's {@code DIR/files}
   * locally; on AWS it must already be in S3 ({@code --file-url}). Returns its S3 URL.
   */
  private String stage(AwsClients clients, String name) {
    if (!clients.target().isLocal()) {
      if (fileUrl == null || presignRole == null) {
        throw new CliException(
            ExitCodes.USAGE,
            "on AWS, ota rollout needs --file-url (the firmware's S3 object URL) and"
                + " --presign-role",
            "upload the file first: aws s3 cp " + file + " s3://BUCKET/KEY");
      }
      if (S3Location.parse(fileUrl).isEmpty()) {
        throw new CliException(ExitCodes.USAGE, "--file-url must be an S3 object URL: " + fileUrl);
      }
      return fileUrl;
    }
    S3Location location =
        new S3Location(LOCAL_BUCKET, "firmware/" + JobIds.safe(version) + "/" + name);
    FileStore files = new FileStore(clients.target().local().dataDir().resolve("files"));
    try {
      files.write(location, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage());
    }
    return "https://s3.amazonaws.com/" + location.bucket() + "/" + location.key();
  }

  private static void cancelQuietly(AwsClients clients, String jobId) {
    if (jobId == null) {
      return;
    }
    try {
      clients
          .iot()
          .cancelJob(
              b ->
                  b.jobId(jobId)
                      .reasonCode("ROLLOUT_INTERRUPTED")
                      .comment("iotctl ota rollout interrupted"));
    } catch (RuntimeException e) {
      // best effort while the JVM shuts down
    }
  }
}
