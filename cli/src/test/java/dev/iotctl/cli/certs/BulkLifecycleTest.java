package dev.iotctl.cli.certs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.LocalStandIn;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk run's lifecycle: a finished run marks itself complete and the next one starts afresh; an
 * unfinished one must be resumed, and only by the same run; a missing policy stops the run before
 * the first device; the progress line shows the summary's counters and the throttling.
 */
class BulkLifecycleTest {
  @TempDir static Path dir;
  static LocalStandIn standIn;

  @BeforeAll
  static void start() throws Exception {
    standIn = new LocalStandIn(dir.resolve("stand-in"), false);
    standIn.createDevicePolicy("device");
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  private static CliRunner.Result bulk(Path out, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("certs", "issue", "--policy", "device", "--create-thing", "--out", out + ""));
    args.addAll(List.of(more));
    return standIn.run(args.toArray(String[]::new));
  }

  @Test
  void aFinishedRunIsMarkedCompleteAndTheNextRunIntoTheFolderStartsAfresh() throws Exception {
    Path out = dir.resolve("complete");
    CliRunner.Result first = bulk(out, "--prefix", "done-", "--count", "3");
    assertThat(first.exitCode()).as(first.err()).isZero();
    List<String> manifest = Files.readAllLines(out.resolve(BulkManifest.FILE));
    assertThat(manifest.get(0)).contains("\"run\":{\"prefix\":\"done-\",\"count\":3");
    assertThat(manifest.get(manifest.size() - 1)).startsWith("{\"completed\":");

    CliRunner.Result again = bulk(out, "--prefix", "done-", "--count", "3");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.firstOut()).isEqualTo("{");
    assertThat(Json.MAPPER.readTree(again.out()).path("skipped").asInt()).isEqualTo(3);

    CliRunner.Result other = bulk(out, "--prefix", "more-", "--count", "2");
    assertThat(other.exitCode()).as(other.err()).isZero();
    assertThat(Json.MAPPER.readTree(other.out()).path("issued").asInt()).isEqualTo(2);
  }

  @Test
  void anUnfinishedRunMustBeResumedAndOnlyByTheSameRun() throws Exception {
    Path out = dir.resolve("unfinished");
    Path csv = dir.resolve("devices.csv");
    // "bad name" is no valid thing name: that device fails, so the run is not complete.
    Files.writeString(csv, "name\nok-1\nbad name\n");
    CliRunner.Result first = bulk(out, "--from", csv.toString());
    assertThat(first.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(Json.MAPPER.readTree(first.out()).path("failed").has("bad name")).isTrue();

    CliRunner.Result fresh = bulk(out, "--from", csv.toString());
    assertThat(fresh.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(fresh.firstErr())
        .isEqualTo(
            "error: an unfinished bulk run (--from "
                + csv.toAbsolutePath()
                + " (devices "
                + BulkRun.of(null, null, csv, List.of("ok-1", "bad name"))
                    .devicesDigest()
                    .substring(0, 12)
                + "…)) left "
                + out.resolve(BulkManifest.FILE));

    CliRunner.Result another = bulk(out, "--prefix", "x-", "--count", "2", "--resume");
    assertThat(another.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(another.firstErr())
        .startsWith("error: " + out.resolve(BulkManifest.FILE) + " belongs to another bulk run:")
        .endsWith(", not --prefix x- --count 2");
    assertThat(out.resolve("x-0001")).doesNotExist();

    Files.writeString(csv, "name\nok-1\nok-2\n");
    CliRunner.Result changed = bulk(out, "--from", csv.toString(), "--resume");
    assertThat(changed.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(changed.firstErr()).contains("belongs to another bulk run");
  }

  @Test
  void aMissingPolicyStopsTheRunBeforeTheFirstDevice() {
    Path out = dir.resolve("no-policy");
    int before = CertsCommandsTest.certificateCount(standIn);
    CliRunner.Result r =
        standIn.run(
            "certs",
            "issue",
            "--prefix",
            "np-",
            "--count",
            "5",
            "--policy",
            "nope",
            "--out",
            out.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(r.firstErr()).isEqualTo("error: policy nope does not exist");
    assertThat(out.resolve("np-0001")).doesNotExist();
    assertThat(CertsCommandsTest.certificateCount(standIn)).isEqualTo(before);
  }

  @Test
  void theProgressLineShowsTheSummarysCountersAndTheThrottling() throws Exception {
    Path out = dir.resolve("progress");
    bulk(out, "--prefix", "pg-", "--count", "2");
    CliRunner.Result r = bulk(out, "--prefix", "pg-", "--count", "5", "--concurrency", "2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode summary = Json.MAPPER.readTree(r.out());
    String last = r.err().lines().filter(l -> l.startsWith("[")).reduce((a, b) -> b).orElseThrow();
    Matcher m =
        Pattern.compile(
                "\\[#+] 5/5  issued (\\d+)  recovered (\\d+)  skipped (\\d+)  failed (\\d+)  [\\d.]+/s"
                    + "  retries (\\d+) \\(throttled (\\d+)\\)")
            .matcher(last);
    assertThat(m.matches()).as(last).isTrue();
    assertThat(Integer.parseInt(m.group(1))).isEqualTo(summary.path("issued").asInt()).isEqualTo(3);
    assertThat(Integer.parseInt(m.group(2))).isEqualTo(summary.path("recovered").asInt());
    assertThat(Integer.parseInt(m.group(3)))
        .isEqualTo(summary.path("skipped").asInt())
        .isEqualTo(2);
    assertThat(Integer.parseInt(m.group(4))).isEqualTo(summary.path("failed").size());
    assertThat(Long.parseLong(m.group(5))).isEqualTo(summary.path("retries").asLong());
    assertThat(Long.parseLong(m.group(6))).isEqualTo(summary.path("throttled").asLong());
  }

  @Test
  void concurrencyAboveAwsQuotasIsCappedWithANote() throws Exception {
    try (LocalStandIn throttled = new LocalStandIn(dir.resolve("quotas"), true)) {
      throttled.createDevicePolicy("device");
      CliRunner.Result r =
          throttled.run(
              "certs",
              "issue",
              "--prefix",
              "q-",
              "--count",
              "2",
              "--policy",
              "device",
              "--create-thing",
              "--concurrency",
              "64",
              "--out",
              dir.resolve("quota-certs") + "");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.firstErr())
          .isEqualTo(
              "note: --concurrency 64 capped to 15: AWS allows 15 CreateCertificateFromCsr calls"
                  + " per second by default, so more devices at once would only be throttled");
    }
  }
}
