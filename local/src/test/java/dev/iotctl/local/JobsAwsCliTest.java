package dev.iotctl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.StandIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's AWS CLI v2 ({@code /usr/bin/aws}) drives a job through the stand-in: {@code aws iot} for
 * the control plane and {@code aws iot-jobs-data} (endpoint URL with the {@code /jobs-data} prefix)
 * for the device side.
 */
@Tag("peers")
class JobsAwsCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path AWS = Path.of("/usr/bin/aws");

  @TempDir static Path dir;
  static StandIn standIn;

  @BeforeAll
  static void start() {
    assumeTrue(
        Files.isExecutable(AWS), "needs Debian's awscli at /usr/bin/aws (apt install awscli)");
    standIn = new StandIn(dir.resolve("data"), HttpApiConfig.defaults());
    standIn.core.registry().things().create("cli-thing", Optional.empty(), Map.of());
  }

  @AfterAll
  static void stop() {
    if (standIn != null) {
      standIn.close();
    }
  }

  private static JsonNode aws(String endpoint, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(AWS.toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--endpoint-url", endpoint, "--output", "json"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder
        .environment()
        .putAll(
            Map.of(
                "AWS_ACCESS_KEY_ID", "dummy",
                "AWS_SECRET_ACCESS_KEY", "dummy",
                "AWS_DEFAULT_REGION", "us-east-1",
                "AWS_PAGER", "",
                "HOME", dir.toString()));
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("aws timed out: " + command);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(String.join(" ", args) + "\n" + output).isZero();
    return output.isBlank() ? JSON.createObjectNode() : JSON.readTree(output);
  }

  @Test
  void awsCliCreatesAJobAndTheJobsDataCommandsRunIt() throws Exception {
    String control = standIn.url().toString();
    String data = control + "/jobs-data";
    String thingArn = "arn:aws:iot:us-east-1:" + StandIn.ACCOUNT_ID + ":thing/cli-thing";

    JsonNode created =
        aws(
            control,
            "iot",
            "create-job",
            "--job-id",
            "cli-job",
            "--targets",
            thingArn,
            "--document",
            "{\"op\":\"cli\"}",
            "--job-executions-rollout-config",
            "{\"maximumPerMinute\":5}",
            "--abort-config",
            "{\"criteriaList\":[{\"failureType\":\"FAILED\",\"action\":\"CANCEL\","
                + "\"thresholdPercentage\":10,\"minNumberOfExecutedThings\":1}]}");
    assertThat(created.path("jobArn").asText()).endsWith(":job/cli-job");

    JsonNode pending =
        aws(data, "iot-jobs-data", "get-pending-job-executions", "--thing-name", "cli-thing");
    assertThat(pending.path("queuedJobs").get(0).path("jobId").asText()).isEqualTo("cli-job");

    JsonNode started =
        aws(data, "iot-jobs-data", "start-next-pending-job-execution", "--thing-name", "cli-thing");
    assertThat(started.at("/execution/status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(started.at("/execution/jobDocument").asText()).isEqualTo("{\"op\":\"cli\"}");

    aws(
        data,
        "iot-jobs-data",
        "update-job-execution",
        "--thing-name",
        "cli-thing",
        "--job-id",
        "cli-job",
        "--status",
        "SUCCEEDED",
        "--expected-version",
        "2");

    JsonNode described = aws(control, "iot", "describe-job", "--job-id", "cli-job");
    assertThat(described.at("/job/status").asText()).isEqualTo("COMPLETED");
    assertThat(described.at("/job/jobProcessDetails/numberOfSucceededThings").asInt()).isEqualTo(1);
    assertThat(described.at("/job/abortConfig/criteriaList/0/thresholdPercentage").asDouble())
        .isEqualTo(10.0);
  }
}
