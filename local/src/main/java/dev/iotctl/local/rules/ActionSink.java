package dev.iotctl.local.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;

/**
 * Where actions that would reach other AWS services land locally: one JSON line per execution in
 * {@code actions.jsonl} (rule, actionType, target, payload, timestamp).
 */
public final class ActionSink implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  // Opened once: opening the file per record made the sink the rules engine's bottleneck.
  private OutputStream out;

  public ActionSink(Path dataDir) {
    this.file = dataDir.resolve("actions.jsonl");
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
    ObjectNode line = JSON.createObjectNode();
    line.put("rule", rule);
    line.put("actionType", actionType);
    line.put("target", target);
    JsonNode json = parse(payload);
    if (json != null) {
      line.set("payload", json);
    } else {
      line.put("payloadBase64", Base64.getEncoder().encodeToString(payload));
    }
    line.put("timestamp", timestampMillis);
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

  private static JsonNode parse(byte[] payload) {
    if (payload.length == 0) {
      return null;
    }
    try {
      return JSON.readTree(payload);
    } catch (IOException e) {
      return null;
    }
  }
}
