package dev.iotctl.local.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.jobs.ExecutionState;
import dev.iotctl.core.jobs.JobExecution;
import dev.iotctl.core.jobs.JobsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shapes of the Jobs device MQTT API: JobExecutionData, JobExecutionSummary,
 * JobExecutionState and the error response, timestamps in epoch seconds.
 */
final class DeviceJson {
  static final ObjectMapper JSON = new ObjectMapper();

  private DeviceJson() {}

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static long seconds(Instant instant) {
    return instant.getEpochSecond();
  }

  static ObjectNode summary(JobExecution e) {
    ObjectNode node = object().put("jobId", e.jobId()).put("queuedAt", seconds(e.queuedAt()));
    if (e.startedAt() != null) {
      node.put("startedAt", seconds(e.startedAt()));
    }
    return node.put("lastUpdatedAt", seconds(e.lastUpdatedAt()))
        .put("versionNumber", e.versionNumber())
        .put("executionNumber", e.executionNumber());
  }

  /** JobExecutionData; the document is included when given. */
  static ObjectNode execution(JobExecution e, Optional<String> document) {
    ObjectNode node = object().put("jobId", e.jobId()).put("thingName", e.thingName());
    document.ifPresent(d -> node.set("jobDocument", parse(d)));
    node.put("status", e.status().name());
    node.set("statusDetails", details(e.statusDetails()));
    node.put("queuedAt", seconds(e.queuedAt()));
    if (e.startedAt() != null) {
      node.put("startedAt", seconds(e.startedAt()));
    }
    return node.put("lastUpdatedAt", seconds(e.lastUpdatedAt()))
        .put("versionNumber", e.versionNumber())
        .put("executionNumber", e.executionNumber());
  }

  static ObjectNode state(ExecutionState s) {
    ObjectNode node = object().put("status", s.status().name());
    node.set("statusDetails", details(s.statusDetails()));
    return node.put("versionNumber", s.versionNumber());
  }

  static ObjectNode details(Map<String, String> details) {
    ObjectNode node = object();
    new java.util.TreeMap<>(details).forEach(node::put);
    return node;
  }

  /** The pending executions grouped by status, as GetPendingJobExecutions and notify list them. */
  static void pendingLists(
      ObjectNode target, List<JobExecution> pending, String inProgressName, String queuedName) {
    var inProgress = target.putArray(inProgressName);
    var queued = target.putArray(queuedName);
    for (JobExecution e : pending) {
      (e.status() == dev.iotctl.core.jobs.ExecutionStatus.IN_PROGRESS ? inProgress : queued)
          .add(summary(e));
    }
  }

  static ObjectNode rejected(JobsException e, Optional<String> clientToken, Instant now) {
    ObjectNode node = object().put("code", e.code().code()).put("message", e.getMessage());
    clientToken.ifPresent(t -> node.put("clientToken", t));
    node.put("timestamp", seconds(now));
    e.executionState().ifPresent(s -> node.set("executionState", state(s)));
    return node;
  }

  static JsonNode parse(String document) {
    try {
      return JSON.readTree(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(JsonNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}
