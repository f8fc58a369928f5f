package dev.iotctl.local.rules;

import dev.iotctl.local.StandInFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where actions that would reach other AWS services land locally: one {@link ActionRecord} line per
 * execution in {@code actions.jsonl}.
 */
public final class ActionSink implements AutoCloseable {
  private final Path file;
  // Opened once: opening the file per record made the sink the rules engine's bottleneck.
  private OutputStream out;

  public ActionSink(Path dataDir) {
    this.file = new StandInFiles(dataDir).actions();
  }

  /** The JSON-lines file this sink appends to. */
  public Path file() {
    return file;
  }

  /**
   * Appends one record. A JSON payload is embedded as JSON; anything else as {@code payloadBase64}.
   */
  public synchronized void record(
      String rule, String actionType, String target, byte[] payload, long timestampMillis) {
    String line = new ActionRecord(rule, actionType, target, payload, timestampMillis).toJsonLine();
    try {
      if (out == null) {
        Files.createDirectories(file.getParent());
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
      // One write per line, unbuffered: a reader tailing the file never sees half a record.
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        out = null;
      }
    }
  }
}
