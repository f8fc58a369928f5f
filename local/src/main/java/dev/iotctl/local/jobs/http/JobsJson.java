package dev.iotctl.local.jobs.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import dev.iotctl.core.jobs.ExecutionStatus;
import dev.iotctl.core.jobs.JobExecution;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.store.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** Request reads and response shapes shared by the jobs operations. */
final class JobsJson {
  private JobsJson() {}

  static ApiResponse ok(ObjectNode body) {
    return ApiResponse.json(Json.bytes(body));
  }

  static <T> ApiResponse page(Page<T> page, String listName, BiConsumer<ArrayNode, T> add) {
    ObjectNode body = Json.object();
    ArrayNode list = body.putArray(listName);
    page.items().forEach(item -> add.accept(list, item));
    page.nextToken().ifPresent(t -> body.put("nextToken", t));
    return ok(body);
  }

  static void time(ObjectNode node, String name, Instant instant) {
    if (instant != null) {
      node.put(name, Json.epochSeconds(instant));
    }
  }

  static ObjectNode details(Map<String, String> details) {
    ObjectNode node = Json.object();
    new TreeMap<>(details).forEach(node::put);
    return node;
  }

  /** JobExecutionSummary (control plane). */
  static ObjectNode summary(JobExecution e) {
    ObjectNode node = Json.object().put("status", e.status().name());
    time(node, "queuedAt", e.queuedAt());
    time(node, "startedAt", e.startedAt());
    time(node, "lastUpdatedAt", e.lastUpdatedAt());
    return node.put("executionNumber", e.executionNumber()).put("retryAttempt", e.retryAttempt());
  }

  /** Seconds until the execution times out, when a timer runs. */
  static Optional<Long> secondsBeforeTimeout(JobExecution e, Instant now) {
    Instant at = e.timeoutAt();
    return at == null
        ? Optional.empty()
        : Optional.of(Math.max(0, at.getEpochSecond() - now.getEpochSecond()));
  }

  static Optional<ExecutionStatus> executionStatus(ApiRequest request) {
    return request
        .query("status")
        .map(
            s ->
                ExecutionStatus.parse(s)
                    .orElseThrow(
                        () ->
                            dev.iotctl.core.jobs.Validation.invalid(
                                s,
                                "status",
                                "Member must satisfy enum value set: "
                                    + List.of(ExecutionStatus.values()))));
  }

  static List<String> stringList(ObjectNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      throw dev.iotctl.core.jobs.Validation.missing(name);
    }
    if (!node.isArray()) {
      throw IotException.invalidRequest(name + " must be a list of strings");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw IotException.invalidRequest(name + " must be a list of strings");
      }
      values.add(item.textValue());
    }
    return values;
  }
}
