package dev.iotctl.device.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A job execution as the device receives it ({@code JobExecutionData}).
 *
 * @param document the job document ({@code jobDocument}), a missing node when not included
 */
public record JobExecution(
    String jobId,
    String status,
    long versionNumber,
    long executionNumber,
    Map<String, String> statusDetails,
    JsonNode document) {

  static JobExecution from(JsonNode execution) {
    Map<String, String> details = new java.util.TreeMap<>();
    execution
        .path("statusDetails")
        .fields()
        .forEachRemaining(e -> details.put(e.getKey(), e.getValue().asText()));
    return new JobExecution(
        execution.path("jobId").asText(),
        execution.path("status").asText(),
        execution.path("versionNumber").asLong(),
        execution.path("executionNumber").asLong(),
        Map.copyOf(details),
        execution.path("jobDocument"));
  }
}
