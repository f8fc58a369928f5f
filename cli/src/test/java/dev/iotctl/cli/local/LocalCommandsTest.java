package dev.iotctl.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.local.rules.ActionSink;
import dev.iotctl.local.rules.RuleCounters;
import dev.iotctl.local.rules.RulesStats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<JsonNode> lines(String out) {
    return Arrays.stream(out.split("\n"))
        .filter(l -> !l.isBlank())
        .map(
            l -> {
              try {
                return JSON.readTree(l);
              } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + l, e);
              }
            })
        .toList();
  }

  @Test
  void actionsPrintsTheSinkAsJsonLinesOptionallyForOneRule() {
    ActionSink sink = new ActionSink(dir);
    sink.record("store", "dynamoDBv2", "Readings", bytes("{\"t\":1}"), 1L);
    sink.record("archive", "s3", "bucket", new byte[] {1}, 2L);
    sink.record("store", "dynamoDBv2", "Readings", bytes("{\"t\":2}"), 3L);

    CliRunner.Result all = CliRunner.run("local", "actions", "--data-dir", dir.toString());
    assertThat(all.exitCode()).isZero();
    assertThat(lines(all.out()))
        .extracting(l -> l.get("rule").asText())
        .containsExactly("store", "archive", "store");

    CliRunner.Result store =
        CliRunner.run("local", "actions", "--data-dir", dir.toString(), "--rule", "store");
    assertThat(lines(store.out()))
        .extracting(l -> l.at("/payload/t").asInt())
        .containsExactly(1, 2);
  }

  @Test
  void actionsWithoutAFilePrintsNothing() {
    CliRunner.Result r = CliRunner.run("local", "actions", "--data-dir", dir.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEmpty();
  }

  @Test
  void followPrintsAppendedLinesOnlyOnceComplete() throws Exception {
    Path file = dir.resolve("actions.jsonl");
    Files.writeString(file, "{\"rule\":\"a\",\"n\":1}\n");
    CompletableFuture<CliRunner.Result> running =
        CompletableFuture.supplyAsync(
            () ->
                CliRunner.run(
                    "local", "actions", "--data-dir", dir.toString(), "-f", "--timeout", "1s"));
    Files.writeString(
        file, "{\"rule\":\"a\",\"n\":2}\n{\"rule\":\"a\",", StandardOpenOption.APPEND);
    Files.writeString(file, "\"n\":3}\n", StandardOpenOption.APPEND);

    CliRunner.Result r = running.get();
    assertThat(r.exitCode()).isZero();
    assertThat(lines(r.out())).extracting(l -> l.get("n").asInt()).containsExactly(1, 2, 3);
  }

  @Test
  void followStopsAtTheTimeout() {
    long start = System.nanoTime();
    CliRunner.Result r =
        CliRunner.run("local", "actions", "--data-dir", dir.toString(), "-f", "--timeout", "300ms");
    assertThat(r.exitCode()).isZero();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void statsPrintsTheSnapshotAsJsonOrText() throws Exception {
    TreeMap<String, RuleCounters> rules = new TreeMap<>();
    rules.put("hot", new RuleCounters(3, 3, 0));
    rules.put("fragile", new RuleCounters(1, 1, 2));
    new RulesStats(1_700_000_000_000L, rules, 4, 1).write(dir);

    CliRunner.Result json = CliRunner.run("local", "stats", "--data-dir", dir.toString());
    assertThat(json.exitCode()).isZero();
    JsonNode stats = JSON.readTree(json.out());
    assertThat(stats.at("/rules/hot/matched").asLong()).isEqualTo(3);
    assertThat(stats.at("/rules/fragile/failed").asLong()).isEqualTo(2);
    assertThat(stats.get("dropped").asLong()).isEqualTo(4);
    assertThat(stats.get("ruleNotFound").asLong()).isEqualTo(1);

    CliRunner.Result table =
        CliRunner.run("local", "stats", "--local-dir", dir.toString(), "-o", "table");
    assertThat(table.firstOut()).matches("-+");
    assertThat(table.out())
        .contains("LocalStats")
        .containsPattern("\\|\\s+executed\\s+\\|\\s+failed\\s+\\|\\s+matched\\s+\\|")
        .containsPattern("\\|\\s+3\\s+\\|\\s+0\\s+\\|\\s+3\\s+\\|");

    CliRunner.Result query =
        CliRunner.run(
            "local", "stats", "--data-dir", dir.toString(), "--query", "rules.hot.executed");
    assertThat(query.out().strip()).isEqualTo("3");
  }

  @Test
  void statsWithoutARunningStandInIsNotFound() {
    CliRunner.Result r = CliRunner.run("local", "stats", "--data-dir", dir.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(r.err()).contains("stats.json").contains("iotctl local up");
  }

  @Test
  void badTimeoutIsAUsageError() {
    CliRunner.Result r =
        CliRunner.run("local", "actions", "--data-dir", dir.toString(), "-f", "--timeout", "soon");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
  }
}
