package dev.iotctl.cli.local;

import dev.iotctl.local.rules.ActionRecord;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Reads the stand-in's {@code actions.jsonl}: what rule actions other than republish would have
 * sent to other AWS services, one JSON object a line. Following picks up appended lines, only once
 * they are complete, and starts over if the file is replaced by a shorter one.
 */
final class ActionLog {
  static final Duration POLL = Duration.ofMillis(200);

  private final Path file;
  private final String rule;
  private long offset;
  private final StringBuilder partial = new StringBuilder();

  /**
   * @param rule only this rule's records, or null for all
   */
  ActionLog(Path file, String rule) {
    this.file = file;
    this.rule = rule;
  }

  /** Emits every complete line not emitted yet (that matches the rule); returns how many. */
  int drain(Consumer<String> out) {
    if (!Files.exists(file)) {
      return 0;
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long size = in.length();
      if (size < offset) {
        offset = 0;
        partial.setLength(0);
      }
      if (size == offset) {
        return 0;
      }
      byte[] bytes = new byte[Math.toIntExact(Math.min(size - offset, 8L * 1024 * 1024))];
      in.seek(offset);
      in.readFully(bytes);
      offset += bytes.length;
      partial.append(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int emitted = 0;
    int newline;
    while ((newline = partial.indexOf("\n")) >= 0) {
      String line = partial.substring(0, newline).strip();
      partial.delete(0, newline + 1);
      if (!line.isEmpty() && matches(line)) {
        out.accept(line);
        emitted++;
      }
    }
    return emitted;
  }

  /**
   * Emits what is there, then new lines as they are appended, until {@code timeout} (null: until
   * the thread is interrupted).
   */
  void follow(Consumer<String> out, Duration timeout) throws InterruptedException {
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    drain(out);
    while (System.nanoTime() < deadline) {
      long wait = Math.min(POLL.toNanos(), Math.max(0, deadline - System.nanoTime()));
      Thread.sleep(Duration.ofNanos(wait).toMillis());
      drain(out);
    }
  }

  private boolean matches(String line) {
    return rule == null || ActionRecord.parse(line).filter(r -> rule.equals(r.rule())).isPresent();
  }
}
