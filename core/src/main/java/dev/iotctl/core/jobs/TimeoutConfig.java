package dev.iotctl.core.jobs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * {@code timeoutConfig}: an execution that stays IN_PROGRESS longer than this (1 minute to 7 days)
 * becomes TIMED_OUT.
 */
public record TimeoutConfig(Optional<Long> inProgressTimeoutInMinutes) {
  /** AWS's longest timer: seven days. */
  public static final long MAX_MINUTES = 10080;

  public static TimeoutConfig parse(ObjectNode node, String path) {
    return new TimeoutConfig(
        Validation.integer(
            node,
            "inProgressTimeoutInMinutes",
            path + ".inProgressTimeoutInMinutes",
            1,
            MAX_MINUTES));
  }

  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    inProgressTimeoutInMinutes.ifPresent(m -> node.put("inProgressTimeoutInMinutes", m));
    return node;
  }
}
