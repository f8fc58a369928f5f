package dev.iotctl.cli.certs;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HashMap;
import java.util.Map;

/**
 * The bulk run's journal, {@code OUT/.bulk-manifest.jsonl}: one line per finished device, forced to
 * disk before the next one is counted, so a crash or Ctrl-C loses no record. The device folders
 * remain the truth about keys and certificates; the manifest lets {@code --resume} skip finished
 * devices without an API call each.
 */
final class BulkManifest implements AutoCloseable {
  static final String FILE = ".bulk-manifest.jsonl";

  private final FileChannel channel;
  private final Map<String, String> finished;

  private BulkManifest(FileChannel channel, Map<String, String> finished) {
    this.channel = channel;
    this.finished = finished;
  }

  static BulkManifest open(Path outDir, boolean resume) {
    Path file = outDir.resolve(FILE);
    try {
      Files.createDirectories(outDir);
      Map<String, String> finished = new HashMap<>();
      if (Files.exists(file)) {
        if (!resume) {
          throw new CliException(
              ExitCodes.CONFLICT,
              "an earlier bulk run left " + file,
              "pass --resume to finish it, or delete the file to start over");
        }
        for (String line : Files.readAllLines(file)) {
          if (line.isBlank()) {
            continue;
          }
          try {
            JsonNode entry = Json.MAPPER.readTree(line);
            finished.put(entry.path("device").asText(), entry.path("certificateId").asText());
          } catch (IOException torn) {
            // A line cut by a crash: its device is simply not finished.
          }
        }
      }
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      return new BulkManifest(channel, finished);
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot open " + file + ": " + e.getMessage());
    }
  }

  boolean isFinished(String device) {
    return finished.containsKey(device);
  }

  synchronized void record(IssueResult result) {
    String line =
        Json.MAPPER
                .createObjectNode()
                .put("device", result.device())
                .put("outcome", result.outcome().name())
                .put("certificateId", result.certificateId())
                .toString()
            + "\n";
    try {
      channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
      channel.force(false);
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot write the manifest: " + e.getMessage());
    }
    finished.put(result.device(), result.certificateId());
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
