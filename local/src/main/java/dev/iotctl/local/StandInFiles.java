package dev.iotctl.local;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The files of a stand-in's data directory that tools read: the one place their names live. The
 * stand-in writes them, the CLI reads them ({@link StandInEndpoint} for {@code endpoint.json},
 * {@code RulesStats} for {@code stats.json}, {@code ActionRecord} for each line of {@code
 * actions.jsonl}).
 *
 * @param dataDir the stand-in's data directory
 */
public record StandInFiles(Path dataDir) {
  /** Where {@code iotctl local up} keeps its state when no directory is given. */
  public static final Path DEFAULT_DATA_DIR = Path.of(".iotctl", "local");

  public static final String ENDPOINT = "endpoint.json";
  public static final String ACTIONS = "actions.jsonl";
  public static final String STATS = "stats.json";
  public static final String LOCK = "stand-in.lock";

  public StandInFiles {
    Objects.requireNonNull(dataDir, "dataDir");
  }

  /** How tools reach the running stand-in; present only while it runs. */
  public Path endpoint() {
    return dataDir.resolve(ENDPOINT);
  }

  /** What rule actions other than republish did, one JSON object a line. */
  public Path actions() {
    return dataDir.resolve(ACTIONS);
  }

  /** The rules engine's metrics, rewritten every second. */
  public Path stats() {
    return dataDir.resolve(STATS);
  }

  /** Held (an OS file lock) by the one stand-in running on this directory; holds its pid. */
  public Path lock() {
    return dataDir.resolve(LOCK);
  }
}
