package dev.iotctl.core.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code abortConfig}: cancel the job when too many executions fail.
 *
 * <p>A criterion is met when at least {@code minNumberOfExecutedThings} executions have finished
 * (SUCCEEDED, FAILED, REJECTED or TIMED_OUT) and the executions of its failure type make up at
 * least {@code thresholdPercentage} percent of those finished.
 */
public record AbortConfig(List<Criterion> criteria) {
  public AbortConfig {
    criteria = List.copyOf(criteria);
  }

  /** One abort criterion; the only action AWS has is CANCEL. */
  public record Criterion(
      FailureType failureType, BigDecimal thresholdPercentage, int minNumberOfExecutedThings) {

    public boolean isMet(ExecutionCounts counts) {
      long executed = counts.executed();
      if (executed == 0 || executed < minNumberOfExecutedThings) {
        return false;
      }
      BigDecimal failedPercent =
          BigDecimal.valueOf(failureType.count(counts) * 100L)
              .divide(BigDecimal.valueOf(executed), 4, java.math.RoundingMode.HALF_UP);
      return failedPercent.compareTo(thresholdPercentage) >= 0;
    }

    /** A line for the job's {@code comment}: which criterion aborted it. */
    public String describe() {
      return failureType
          + " executions reached "
          + thresholdPercentage.stripTrailingZeros().toPlainString()
          + "% of at least "
          + minNumberOfExecutedThings
          + " executed things";
    }
  }

  /** The first criterion met, if any. */
  public Optional<Criterion> firstMet(ExecutionCounts counts) {
    return criteria.stream().filter(c -> c.isMet(counts)).findFirst();
  }

  public static AbortConfig parse(ObjectNode node, String path) {
    String listPath = path + ".criteriaList";
    JsonNode list = node.get("criteriaList");
    if (list == null || list.isNull()) {
      throw Validation.missing(listPath);
    }
    if (!list.isArray() || list.isEmpty()) {
      throw Validation.invalid(
          list, listPath, "Member must have length greater than or equal to 1");
    }
    List<Criterion> criteria = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String p = listPath + "." + (i + 1) + ".member";
      if (!list.get(i).isObject()) {
        throw Validation.invalid(list.get(i), p, "Member must be an object");
      }
      criteria.add(criterion((ObjectNode) list.get(i), p));
    }
    return new AbortConfig(criteria);
  }

  private static Criterion criterion(ObjectNode node, String path) {
    String action =
        Validation.string(node, "action", path + ".action")
            .orElseThrow(() -> Validation.missing(path + ".action"));
    if (!action.equals("CANCEL")) {
      throw Validation.invalid(
          action, path + ".action", "Member must satisfy enum value set: [CANCEL]");
    }
    FailureType type =
        FailureType.parse(
            Validation.string(node, "failureType", path + ".failureType")
                .orElseThrow(() -> Validation.missing(path + ".failureType")),
            path + ".failureType",
            EnumSet.allOf(FailureType.class));
    String thresholdPath = path + ".thresholdPercentage";
    BigDecimal threshold =
        Validation.number(node, "thresholdPercentage", thresholdPath)
            .orElseThrow(() -> Validation.missing(thresholdPath));
    if (threshold.signum() < 0 || threshold.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw Validation.invalid(
          threshold.toPlainString(), thresholdPath, "Member must have value between 0 and 100");
    }
    Validation.scale(threshold, thresholdPath, 2);
    int min =
        Validation.integer(
                node,
                "minNumberOfExecutedThings",
                path + ".minNumberOfExecutedThings",
                1,
                Integer.MAX_VALUE)
            .orElseThrow(() -> Validation.missing(path + ".minNumberOfExecutedThings"))
            .intValue();
    return new Criterion(type, threshold, min);
  }

  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    ArrayNode list = node.putArray("criteriaList");
    for (Criterion c : criteria) {
      list.addObject()
          .put("failureType", c.failureType().name())
          .put("action", "CANCEL")
          .put("thresholdPercentage", c.thresholdPercentage())
          .put("minNumberOfExecutedThings", c.minNumberOfExecutedThings());
    }
    return node;
  }
}
