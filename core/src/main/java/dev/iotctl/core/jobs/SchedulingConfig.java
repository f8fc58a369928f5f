package dev.iotctl.core.jobs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code schedulingConfig}: when the rollout starts and ends, and what happens at the end. Times
 * are ISO 8601 ({@code 2025-06-01T10:00}, UTC unless an offset is given).
 *
 * @param startText {@code startTime} as sent (DescribeJob echoes it)
 * @param endText {@code endTime} as sent
 */
public record SchedulingConfig(
    Optional<String> startText,
    Optional<String> endText,
    Optional<Instant> startTime,
    Optional<Instant> endTime,
    EndBehavior endBehavior) {

  /** What happens to the rollout at {@code endTime}. */
  public enum EndBehavior {
    /** Notify no more things; executions already notified may still finish. */
    STOP_ROLLOUT,
    /** Cancel the job (executions in progress continue). */
    CANCEL,
    /** Cancel the job and every execution in progress. */
    FORCE_CANCEL
  }

  /** AWS: a start at least 30 minutes ahead, an end at least 30 minutes after the start. */
  static final int MIN_LEAD_MINUTES = 30;

  public static SchedulingConfig parse(ObjectNode node, String path) {
    Optional<String> start = Validation.string(node, "startTime", path + ".startTime");
    Optional<String> end = Validation.string(node, "endTime", path + ".endTime");
    EndBehavior behavior =
        Validation.string(node, "endBehavior", path + ".endBehavior")
            .map(b -> behavior(b, path + ".endBehavior"))
            .orElse(EndBehavior.STOP_ROLLOUT);
    return new SchedulingConfig(
        start,
        end,
        start.map(s -> instant(s, path + ".startTime")),
        end.map(e -> instant(e, path + ".endTime")),
        behavior);
  }

  /**
   * Checks the times against AWS's rules at job creation: the start at least 30 (rollout) minutes
   * ahead and within a year, the end at least 30 minutes after the start and within two years.
   */
  public void validateAt(Instant now, JobTiming timing) {
    Duration lead = timing.minutes(MIN_LEAD_MINUTES);
    startTime.ifPresent(
        s -> {
          if (s.isBefore(now.plus(lead))) {
            throw IotException.invalidRequest(
                "startTime must be at least 30 minutes after the current time.");
          }
          if (s.isAfter(now.plus(Duration.ofDays(366)))) {
            throw IotException.invalidRequest("startTime must be within one year.");
          }
        });
    endTime.ifPresent(
        e -> {
          Instant from = startTime.orElse(now);
          if (e.isBefore(from.plus(lead))) {
            throw IotException.invalidRequest(
                "endTime must be at least 30 minutes after the startTime.");
          }
          if (e.isAfter(now.plus(Duration.ofDays(731)))) {
            throw IotException.invalidRequest("endTime must be within two years.");
          }
        });
  }

  private static EndBehavior behavior(String text, String path) {
    for (EndBehavior b : EndBehavior.values()) {
      if (b.name().equals(text)) {
        return b;
      }
    }
    throw Validation.invalid(
        text, path, "Member must satisfy enum value set: [STOP_ROLLOUT, CANCEL, FORCE_CANCEL]");
  }

  private static Instant instant(String text, String path) {
    Validation.text(text, path, 1, 64, null);
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw IotException.invalidRequest(
            "Value '" + text + "' at '" + path + "' is not an ISO 8601 date-time.");
      }
    }
  }

  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    startText.ifPresent(s -> node.put("startTime", s));
    endText.ifPresent(e -> node.put("endTime", e));
    node.put("endBehavior", endBehavior.name());
    return node;
  }
}
