package dev.iotctl.core.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code jobExecutionsRetryConfig}: up to two criteria (FAILED, TIMED_OUT or ALL), each allowing
 * 0–10 retries. A retried execution goes back to QUEUED and is offered to the device again.
 */
public record RetryConfig(List<Criterion> criteria) {
  public RetryConfig {
    criteria = List.copyOf(criteria);
  }

  public record Criterion(FailureType failureType, int numberOfRetries) {}

  /**
   * Whether an execution that ended {@code outcome} after the retries it already used may be
   * retried: a FAILED/TIMED_OUT criterion limits retries after that outcome, ALL limits them all.
   */
  public boolean allowsRetry(ExecutionStatus outcome, int afterFailed, int afterTimeout) {
    if (outcome != ExecutionStatus.FAILED && outcome != ExecutionStatus.TIMED_OUT) {
      return false;
    }
    boolean allowed = false;
    for (Criterion c : criteria) {
      switch (c.failureType()) {
        case ALL -> {
          if (afterFailed + afterTimeout >= c.numberOfRetries()) {
            return false;
          }
          allowed = true;
        }
        case FAILED -> {
          if (outcome == ExecutionStatus.FAILED) {
            if (afterFailed >= c.numberOfRetries()) {
              return false;
            }
            allowed = true;
          }
        }
        case TIMED_OUT -> {
          if (outcome == ExecutionStatus.TIMED_OUT) {
            if (afterTimeout >= c.numberOfRetries()) {
              return false;
            }
            allowed = true;
          }
        }
        default -> {}
      }
    }
    return allowed;
  }

  public static RetryConfig parse(ObjectNode node, String path) {
    String listPath = path + ".criteriaList";
    JsonNode list = node.get("criteriaList");
    if (list == null || list.isNull()) {
      throw Validation.missing(listPath);
    }
    if (!list.isArray() || list.isEmpty() || list.size() > 2) {
      throw Validation.invalid(list, listPath, "Member must have length between 1 and 2");
    }
    List<Criterion> criteria = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String p = listPath + "." + (i + 1) + ".member";
      if (!list.get(i).isObject()) {
        throw Validation.invalid(list.get(i), p, "Member must be an object");
      }
      ObjectNode c = (ObjectNode) list.get(i);
      FailureType type =
          FailureType.parse(
              Validation.string(c, "failureType", p + ".failureType")
                  .orElseThrow(() -> Validation.missing(p + ".failureType")),
              p + ".failureType",
              EnumSet.of(FailureType.FAILED, FailureType.TIMED_OUT, FailureType.ALL));
      int retries =
          Validation.integer(c, "numberOfRetries", p + ".numberOfRetries", 0, 10)
              .orElseThrow(() -> Validation.missing(p + ".numberOfRetries"))
              .intValue();
      criteria.add(new Criterion(type, retries));
    }
    return new RetryConfig(criteria);
  }

  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    ArrayNode list = node.putArray("criteriaList");
    criteria.forEach(
        c ->
            list.addObject()
                .put("failureType", c.failureType().name())
                .put("numberOfRetries", c.numberOfRetries()));
    return node;
  }
}
