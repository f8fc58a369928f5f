package dev.iotctl.core.jobs;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An UpdateJobExecution request from a device (MQTT {@code JOBID/update} or the data plane).
 *
 * @param statusDetails replaces the execution's details when present; unchanged when empty
 * @param stepTimeoutInMinutes a new step timer (1–10080) or -1 to clear it
 */
public record ExecutionUpdate(
    ExecutionStatus status,
    Optional<Map<String, String>> statusDetails,
    Optional<Long> expectedVersion,
    Optional<Long> executionNumber,
    Optional<Long> stepTimeoutInMinutes) {
  public ExecutionUpdate {
    Objects.requireNonNull(status, "status");
    statusDetails = statusDetails.map(Map::copyOf);
  }
}
