package dev.iotctl.cli.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.LocalStandIn;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.core.jobs.DeviceRequests;
import dev.iotctl.core.jobs.ExecutionStatus;
import dev.iotctl.core.jobs.ExecutionUpdate;
import dev.iotctl.core.jobs.FailureType;
import dev.iotctl.core.jobs.JobSettings;
import dev.iotctl.core.ota.CodeSigning;
import dev.iotctl.local.jobs.JobsService;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iotctl jobs} and {@code iotctl ota} against a running stand-in; devices answer through the
 * stand-in's own device API.
 */
class JobsCommandsTest {
  @TempDir static Path dir;
  static LocalStandIn standIn;
  static JobsService jobs;
  static Path document;

  @BeforeAll
  static void start() throws Exception {
    standIn = new LocalStandIn(dir.resolve("stand-in"), false);
    jobs = standIn.core.jobs();
    var registry = standIn.core.registry();
    registry.thingGroups().create("g", Optional.empty(), Optional.empty(), Map.of());
    for (String thing : new String[] {"t1", "t2", "t3"}) {
      registry.things().create(thing, Optional.empty(), Map.of());
      registry.thingGroups().addThing("g", thing);
    }
    document = dir.resolve("job.json");
    Files.writeString(document, "{\"operation\":\"reboot\"}");
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  private static JsonNode json(CliRunner.Result result) throws Exception {
    assertThat(result.exitCode()).as(result.err()).isZero();
    return Json.MAPPER.readTree(result.out());
  }

  private static void finish(String thing, String jobId, ExecutionStatus status) {
    jobs.update(
        thing,
        jobId,
        new DeviceRequests.Update(
            new ExecutionUpdate(
                status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
            false,
            false));
  }

  @Test
  void createCarriesRolloutAbortTimeoutAndRetrySettingsAndDescribeListCancelFollow()
      throws Exception {
    JsonNode created =
        json(
            standIn.run(
                "jobs",
                "create",
                "--job-id",
                "reboot-1",
                "--targets",
                "group:g,thing:t1",
                "--document",
                document.toString(),
                "--rate",
                "10",
                "--abort-on-failure",
                "20%",
                "--abort-min-executed",
                "2",
                "--timeout-minutes",
                "5",
                "--retries",
                "1"));
    assertThat(created.path("jobId").asText()).isEqualTo("reboot-1");
    assertThat(created.path("jobArn").asText()).endsWith(":job/reboot-1");

    JobSettings settings = jobs.describeJob("reboot-1").job().settings();
    assertThat(settings.rollout().orElseThrow().maximumPerMinute()).contains(10);
    var abort = settings.abort().orElseThrow().criteria().get(0);
    assertThat(abort.failureType()).isEqualTo(FailureType.FAILED);
    assertThat(abort.thresholdPercentage()).isEqualByComparingTo("20");
    assertThat(abort.minNumberOfExecutedThings()).isEqualTo(2);
    assertThat(settings.timeout().orElseThrow().inProgressTimeoutInMinutes()).contains(5L);
    assertThat(settings.retry().orElseThrow().criteria().get(0).numberOfRetries()).isEqualTo(1);

    JsonNode described = json(standIn.run("jobs", "describe", "reboot-1"));
    assertThat(described.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(described.path("queued").asInt()).isEqualTo(3);
    assertThat(described.path("targets")).hasSize(2);
    // --output text as the AWS CLI renders it: the scalars of the object on one tab-separated line.
    assertThat(standIn.run("jobs", "describe", "reboot-1", "--output", "text").out().lines())
        .first()
        .asString()
        .contains("\treboot-1\t")
        .contains("\tIN_PROGRESS\t");

    assertThat(json(standIn.run("jobs", "list", "--status", "IN_PROGRESS")).toString())
        .contains("reboot-1");

    JsonNode canceled =
        json(standIn.run("jobs", "cancel", "reboot-1", "--reason-code", "NOT_NEEDED"));
    assertThat(canceled.path("status").asText()).isEqualTo("CANCELED");
    assertThat(canceled.path("canceled").asInt()).isEqualTo(3);
  }

  @Test
  void watchExitsZeroWhenEveryDeviceSucceededAndOneWhenOneFailed() throws Exception {
    json(
        standIn.run(
            "jobs",
            "create",
            "--job-id",
            "ok-1",
            "--targets",
            "group:g",
            "--document",
            document.toString()));
    CompletableFuture<CliRunner.Result> watch =
        CompletableFuture.supplyAsync(
            () -> standIn.run("jobs", "watch", "ok-1", "--interval", "100ms", "--output", "text"));
    for (String thing : new String[] {"t1", "t2", "t3"}) {
      finish(thing, "ok-1", ExecutionStatus.SUCCEEDED);
    }
    CliRunner.Result ok = watch.get(30, TimeUnit.SECONDS);
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(ok.out().strip().lines().reduce((a, b) -> b).orElseThrow())
        .startsWith("ok-1 COMPLETED  queued 0  in-progress 0  succeeded 3  failed 0");

    json(
        standIn.run(
            "jobs",
            "create",
            "--job-id",
            "bad-1",
            "--targets",
            "group:g",
            "--document",
            document.toString()));
    finish("t1", "bad-1", ExecutionStatus.SUCCEEDED);
    finish("t2", "bad-1", ExecutionStatus.FAILED);
    finish("t3", "bad-1", ExecutionStatus.SUCCEEDED);
    CliRunner.Result bad = standIn.run("jobs", "watch", "bad-1", "--interval", "100ms");
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(Json.MAPPER.readTree(bad.out().strip()).path("failed").asInt()).isEqualTo(1);
  }

  @Test
  void exponentialRolloutAndTemplatesFromTheCommandLine() throws Exception {
    jobs.createTemplate(
        "tpl-1",
        Optional.empty(),
        Optional.of("{\"from\":\"template\"}"),
        Optional.empty(),
        JobSettings.parse(
            (com.fasterxml.jackson.databind.node.ObjectNode)
                Json.MAPPER.readTree("{\"description\":\"t\"}")));
    json(
        standIn.run(
            "jobs",
            "create",
            "--job-id",
            "tpl-job",
            "--targets",
            "thing:t2",
            "--template",
            "tpl-1",
            "--exponential",
            "2:1.5",
            "--increase-after",
            "4:succeeded",
            "--rate",
            "50"));
    var job = jobs.describeJob("tpl-job").job();
    assertThat(job.document()).isEqualTo("{\"from\":\"template\"}");
    var rate = job.settings().rollout().orElseThrow();
    assertThat(rate.maximumPerMinute()).contains(50);
    assertThat(rate.exponentialRate().orElseThrow().baseRatePerMinute()).isEqualTo(2);
    assertThat(rate.exponentialRate().orElseThrow().succeededStep()).contains(4);
  }

  @Test
  void badTargetsAndTwoDocumentSourcesAreUsageErrors() {
    assertThat(
            standIn
                .run("jobs", "create", "--targets", "lamp", "--document", document.toString())
                .exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(
            standIn
                .run(
                    "jobs",
                    "create",
                    "--targets",
                    "thing:t1",
                    "--document",
                    document.toString(),
                    "--template",
                    "x")
                .exitCode())
        .isEqualTo(ExitCodes.USAGE);
    CliRunner.Result missing =
        standIn.run(
            "jobs", "create", "--targets", "thing:nobody", "--document", document.toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
  }

  @Test
  void keygenAndSignProduceASignatureTheDeviceRuleAccepts() throws Exception {
    Path keys = dir.resolve("keys");
    JsonNode made = json(CliRunner.run("ota", "keygen", "--out", keys.toString()));
    Path privateKey = Path.of(made.path("privateKey").asText());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)))
        .isEqualTo("rw-------");
    assertThat(CliRunner.run("ota", "keygen", "--out", keys.toString()).exitCode())
        .as("never overwrites a key")
        .isEqualTo(ExitCodes.CONFLICT);

    Path firmware = dir.resolve("fw.bin");
    Files.write(firmware, new byte[] {1, 2, 3, 4});
    JsonNode signed =
        json(CliRunner.run("ota", "sign", firmware.toString(), "--key", privateKey.toString()));
    assertThat(signed.path("size").asLong()).isEqualTo(4);
    assertThat(signed.path("sha256").asText())
        .isEqualTo("9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a");
    var publicKey =
        CodeSigning.parsePublicKey(Files.readString(Path.of(made.path("publicKey").asText())));
    try (InputStream in = Files.newInputStream(firmware)) {
      assertThat(CodeSigning.verify(in, signed.path("signature").asText(), publicKey)).isTrue();
    }
    assertThat(
            CliRunner.run("ota", "sign", firmware.toString(), "--key", firmware.toString())
                .exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }
}
