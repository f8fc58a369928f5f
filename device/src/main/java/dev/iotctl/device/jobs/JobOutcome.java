package dev.iotctl.device.jobs;

import java.util.Map;
import java.util.Objects;

/**
 * How a job ended on the device: SUCCEEDED, FAILED or REJECTED, with status details (a {@code
 * reason} for failures).
 */
public record JobOutcome(String status, Map<String, String> statusDetails) {
  public JobOutcome {
    Objects.requireNonNull(status, "status");
    statusDetails = Map.copyOf(statusDetails);
  }

  public static JobOutcome succeeded(Map<String, String> details) {
    return new JobOutcome("SUCCEEDED", details);
  }

  public static JobOutcome failed(String reason) {
    return new JobOutcome("FAILED", Map.of("reason", reason));
  }

  /** The device does not run this kind of job. */
  public static JobOutcome rejected(String reason) {
    return new JobOutcome("REJECTED", Map.of("reason", reason));
  }
}
