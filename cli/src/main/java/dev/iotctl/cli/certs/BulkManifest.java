package dev.iotctl.cli.certs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bulk run's journal, {@code OUT/.bulk-manifest.jsonl}: a header naming the run ({@link
 * BulkRun}) and when it started, one line per finished device forced to disk before the next one is
 * counted (so a crash or Ctrl-C loses no record), and a {@code completed} line when every device is
 * done. An unfinished run must be resumed (with the same arguments) or deleted; a completed one is
 * replaced by the next run. The device folders remain the truth about keys and certificates; the
 * manifest lets {@code --resume} skip finished devices without an API call each.
 */
final class BulkManifest implements AutoCloseable {
  static final String FILE = ".bulk-manifest.jsonl";

  private final Path file;
  private final FileChannel channel;
  private final Map<String, String> finished;
  private final Instant startedAt;

  private BulkManifest(
      Path file, FileChannel channel, Map<String, String> finished, Instant startedAt) {
    this.file = file;
    this.channel = channel;
    this.finished = finished;
    this.startedAt = startedAt;
  }

  /** When the first run of this bulk issue started (survives resumes). */
  Instant startedAt() {
    return startedAt;
  }

  /** What an existing manifest says. */
  private record Previous(
      BulkRun run, Instant startedAt, boolean completed, Map<String, String> done) {}

  static BulkManifest open(Path outDir, BulkRun run, boolean resume) {
    Path file = outDir.resolve(FILE);
    try {
      Files.createDirectories(outDir);
      Previous previous = Files.exists(file) ? read(file) : null;
      boolean continuing = false;
      if (previous != null && !previous.completed()) {
        if (!resume) {
          throw new CliException(
              ExitCodes.CONFLICT,
              "an unfinished bulk run"
                  + (previous.run() == null ? "" : " (" + previous.run().describe() + ")")
                  + " left "
                  + file,
              "pass --resume to finish it, or delete the file to start over");
        }
        if (previous.run() != null && !previous.run().sameAs(run)) {
          throw new CliException(
              ExitCodes.CONFLICT,
              file
                  + " belongs to another bulk run: "
                  + previous.run().describe()
                  + ", not "
                  + run.describe(),
              "resume it with the same arguments, or delete the file to start over");
        }
        continuing = true;
      } else if (previous != null
          && resume
          && previous.run() != null
          && !previous.run().sameAs(run)) {
        throw new CliException(
            ExitCodes.CONFLICT,
            "nothing to resume: the last bulk run into "
                + outDir
                + " ("
                + previous.run().describe()
                + ") completed",
            "run without --resume");
      }
      Instant startedAt = continuing ? previous.startedAt() : Instant.now();
      Map<String, String> finished =
          continuing || (previous != null && resume) ? previous.done() : new HashMap<>();
      FileChannel channel =
          continuing
              ? FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
              : FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.TRUNCATE_EXISTING);
      BulkManifest manifest = new BulkManifest(file, channel, finished, startedAt);
      if (!continuing) {
        ObjectNode header = Json.MAPPER.createObjectNode();
        header.set("run", run.toJson());
        header.put("startedAt", startedAt.toEpochMilli());
        manifest.append(header.toString());
        // Devices a completed run finished are still finished (their bundles say so).
        finished.forEach((device, id) -> manifest.appendDevice(device, "ALREADY_ISSUED", id));
      }
      return manifest;
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot open " + file + ": " + e.getMessage());
    }
  }

  private static Previous read(Path file) throws IOException {
    BulkRun run = null;
    Instant startedAt = Instant.now();
    boolean completed = false;
    Map<String, String> done = new HashMap<>();
    List<String> lines = Files.readAllLines(file);
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode entry;
      try {
        entry = Json.MAPPER.readTree(line);
      } catch (IOException torn) {
        continue; // a line cut by a crash: its device is simply not finished
      }
      if (entry.has("startedAt")) {
        startedAt = Instant.ofEpochMilli(entry.path("startedAt").asLong());
        run = entry.has("run") ? BulkRun.fromJson(entry.get("run")) : null;
        completed = false;
      } else if (entry.has("completed")) {
        completed = true;
      } else if (entry.has("device")) {
        done.put(entry.path("device").asText(), entry.path("certificateId").asText());
      }
    }
    return new Previous(run, startedAt, completed, done);
  }

  boolean isFinished(String device) {
    return finished.containsKey(device);
  }

  synchronized void record(IssueResult result) {
    appendDevice(result.device(), result.outcome().name(), result.certificateId());
    finished.put(result.device(), result.certificateId());
  }

  /** Marks the run complete: the next run into this folder starts afresh. */
  synchronized void complete(BulkSummary summary) {
    ObjectNode line = Json.MAPPER.createObjectNode().put("completed", Instant.now().toEpochMilli());
    line.setAll(summary.toJson());
    append(line.toString());
  }

  private void appendDevice(String device, String outcome, String certificateId) {
    append(
        Json.MAPPER
            .createObjectNode()
            .put("device", device)
            .put("outcome", outcome)
            .put("certificateId", certificateId)
            .toString());
  }

  private synchronized void append(String json) {
    try {
      channel.write(ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8)));
      channel.force(false);
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.FAILURE, "cannot write the manifest " + file + ": " + e.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
