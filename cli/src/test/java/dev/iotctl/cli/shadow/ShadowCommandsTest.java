package dev.iotctl.cli.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.LocalStandIn;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iotctl shadow} against a running stand-in, output parsed back as a script would. */
class ShadowCommandsTest {
  @TempDir static Path dir;
  static LocalStandIn standIn;

  @BeforeAll
  static void start() {
    standIn = new LocalStandIn(dir.resolve("stand-in"), false);
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  @Test
  void updateThenGetPrintsTheServiceDocument() {
    CliRunner.Result update = standIn.run("shadow", "update", "lamp", "--desired", "{\"on\":true}");
    assertThat(update.exitCode()).as(update.err()).isZero();
    assertThat(json(update.out()).path("state").path("desired").path("on").asBoolean()).isTrue();

    CliRunner.Result get = standIn.run("shadow", "get", "lamp");
    assertThat(get.exitCode()).isZero();
    JsonNode doc = json(get.out());
    assertThat(doc.path("state").path("delta").path("on").asBoolean()).isTrue();
    assertThat(doc.path("version").asInt()).isPositive();
  }

  @Test
  void partsAndQuerySelectWhatScriptsNeed() {
    standIn.run("shadow", "update", "fan", "--reported", "{\"speed\":2}");
    standIn.run("shadow", "update", "fan", "--desired", "{\"speed\":3}");
    assertThat(json(standIn.run("shadow", "get", "fan", "--reported").out()).path("speed").asInt())
        .isEqualTo(2);
    assertThat(json(standIn.run("shadow", "get", "fan", "--delta").out()).path("speed").asInt())
        .isEqualTo(3);
    assertThat(standIn.run("shadow", "get", "fan", "--query", "state.desired.speed").out().strip())
        .isEqualTo("3");
  }

  @Test
  void diffExitsOneUntilReportedMatchesDesired() {
    standIn.run("shadow", "update", "pump", "--desired", "{\"rate\":5}");
    CliRunner.Result pending = standIn.run("shadow", "diff", "pump");
    assertThat(pending.exitCode()).isEqualTo(1);
    assertThat(json(pending.out()).path("inSync").asBoolean()).isFalse();

    standIn.run("shadow", "update", "pump", "--reported", "{\"rate\":5}");
    CliRunner.Result synced = standIn.run("shadow", "diff", "pump", "--output", "text");
    assertThat(synced.exitCode()).isZero();
    assertThat(synced.out()).isEqualTo("True\n");
  }

  @Test
  void versionConflictHasItsOwnExitCode() {
    standIn.run("shadow", "update", "valve", "--desired", "{\"open\":1}");
    CliRunner.Result conflict =
        standIn.run("shadow", "update", "valve", "--desired", "{\"open\":2}", "--version", "99");
    assertThat(conflict.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(conflict.err()).contains("ConflictException");
  }

  @Test
  void missingShadowIsNotFound() {
    CliRunner.Result r = standIn.run("shadow", "get", "no-such-thing");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(r.err()).contains("ResourceNotFoundException").doesNotContain("\tat ");
  }

  @Test
  void namedShadowsAreListedAndDeleted() {
    standIn.run("shadow", "update", "meter", "--name", "config", "--desired", "{\"unit\":\"kWh\"}");
    standIn.run("shadow", "update", "meter", "--name", "firmware", "--reported", "{\"v\":\"1.2\"}");
    JsonNode list = json(standIn.run("shadow", "list", "meter").out());
    assertThat(list.path("results").toString()).contains("config").contains("firmware");

    assertThat(standIn.run("shadow", "delete", "meter", "--name", "config").exitCode()).isZero();
    assertThat(standIn.run("shadow", "get", "meter", "--name", "config").exitCode())
        .isEqualTo(ExitCodes.NOT_FOUND);
  }

  @Test
  void badJsonIsAUsageError() {
    CliRunner.Result r = standIn.run("shadow", "update", "lamp", "--desired", "{not json");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("not valid JSON");
  }

  @Test
  void watchUntilSyncedExitsWhenTheDeviceCatchesUp() throws Exception {
    standIn.run("shadow", "update", "heater", "--desired", "{\"temp\":21}");
    var watch =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> standIn.run("shadow", "watch", "heater", "--until-synced", "--timeout", "20"));
    // The watcher is subscribed before it reads the shadow, so this report is seen either way.
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .until(
            () -> {
              standIn.run("shadow", "update", "heater", "--reported", "{\"temp\":21}");
              return watch.isDone();
            });
    CliRunner.Result r = watch.get();
    assertThat(r.exitCode()).as(r.err()).isZero();
  }

  @Test
  void watchStreamsDocumentsAsJsonLines() throws Exception {
    var watch =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> standIn.run("shadow", "watch", "boiler", "--timeout", "4"));
    int[] n = {0};
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .pollInterval(java.time.Duration.ofMillis(300))
        .until(
            () -> {
              standIn.run("shadow", "update", "boiler", "--desired", "{\"n\":" + (++n[0]) + "}");
              return watch.isDone();
            });
    CliRunner.Result r = watch.get();
    assertThat(r.exitCode()).as(r.err()).isZero();
    String firstDocument =
        r.out().lines().filter(l -> l.contains("/update/documents")).findFirst().orElseThrow();
    JsonNode line = json(firstDocument);
    assertThat(line.path("topic").asText()).isEqualTo("$aws/things/boiler/shadow/update/documents");
    assertThat(line.path("message").path("current").path("state").path("desired").has("n"))
        .isTrue();
  }

  @Test
  void watchTimesOutWithExitOneWhenNeverSynced() {
    standIn.run("shadow", "update", "cooler", "--desired", "{\"temp\":5}");
    CliRunner.Result r =
        standIn.run("shadow", "watch", "cooler", "--until-synced", "--timeout", "2");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("did not sync");
  }

  static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
