package dev.iotctl.local.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.local.StandInFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A snapshot of the rules engine's metrics, as the running stand-in writes it to {@code
 * stats.json}.
 *
 * @param timestampMillis when the snapshot was taken
 * @param rules per rule: messages matched (FROM and WHERE), actions executed, actions failed
 * @param dropped rule executions dropped because the engine's queue was full
 * @param ruleNotFound Basic Ingest messages to a rule that does not exist or is disabled (AWS's
 *     {@code RuleNotFound} metric)
 */
public record RulesStats(
    long timestampMillis, SortedMap<String, RuleCounters> rules, long dropped, long ruleNotFound) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The file name in the data directory. */
  public static final String FILE_NAME = StandInFiles.STATS;

  public RulesStats {
    rules = new TreeMap<>(rules);
  }

  /** {@code {"timestamp":…, "rules":{"R":{"matched":…,"executed":…,"failed":…}}, …}}. */
  public ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("timestamp", timestampMillis);
    ObjectNode byRule = root.putObject("rules");
    rules.forEach(
        (name, c) ->
            byRule
                .putObject(name)
                .put("matched", c.matched())
                .put("executed", c.executed())
                .put("failed", c.failed()));
    root.put("dropped", dropped);
    root.put("ruleNotFound", ruleNotFound);
    return root;
  }

  public static RulesStats fromJson(JsonNode root) {
    SortedMap<String, RuleCounters> rules = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = root.path("rules").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode c = e.getValue();
      rules.put(
          e.getKey(),
          new RuleCounters(
              c.path("matched").asLong(), c.path("executed").asLong(), c.path("failed").asLong()));
    }
    return new RulesStats(
        root.path("timestamp").asLong(),
        rules,
        root.path("dropped").asLong(),
        root.path("ruleNotFound").asLong());
  }

  /** Reads {@code DIR/stats.json}. */
  public static RulesStats read(Path dataDir) throws IOException {
    return fromJson(JSON.readTree(dataDir.resolve(FILE_NAME).toFile()));
  }

  /** Writes {@code DIR/stats.json} atomically: readers see the old or the new snapshot, whole. */
  public void write(Path dataDir) throws IOException {
    Path target = dataDir.resolve(FILE_NAME);
    Path temp = Files.createTempFile(dataDir, ".stats", ".tmp");
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), toJson());
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
