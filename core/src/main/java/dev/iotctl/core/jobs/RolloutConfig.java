package dev.iotctl.core.jobs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * {@code jobExecutionsRolloutConfig}: how many things are notified per minute.
 *
 * @param maximumPerMinute the cap (1–1000); with an exponential rate, the rate never exceeds it
 * @param exponentialRate a rate that starts at a base and grows as criteria are met
 */
public record RolloutConfig(
    Optional<Integer> maximumPerMinute, Optional<ExponentialRate> exponentialRate) {
  /** AWS's ceiling on any rollout rate. */
  public static final int MAX_PER_MINUTE = 1000;

  /** No rollout configuration: every target is notified at once. */
  public static final RolloutConfig UNLIMITED =
      new RolloutConfig(Optional.empty(), Optional.empty());

  /**
   * An exponential rollout rate.
   *
   * @param notifiedStep the rate grows each time this many more things were notified, if set
   * @param succeededStep the rate grows each time this many more things succeeded, if set
   */
  public record ExponentialRate(
      int baseRatePerMinute,
      BigDecimal incrementFactor,
      Optional<Integer> notifiedStep,
      Optional<Integer> succeededStep) {}

  public boolean isLimited() {
    return maximumPerMinute.isPresent() || exponentialRate.isPresent();
  }

  /**
   * The rate in things per minute after {@code notified} things were notified and {@code succeeded}
   * succeeded: {@code maximumPerMinute}, or the exponential rate {@code base × factor^steps} (steps
   * counted by whichever criterion was reached more often), capped by {@code maximumPerMinute} or
   * 1000. Without a configuration, unlimited.
   */
  public int ratePerMinute(long notified, long succeeded) {
    int cap = maximumPerMinute.orElse(MAX_PER_MINUTE);
    if (exponentialRate.isEmpty()) {
      return maximumPerMinute.orElse(Integer.MAX_VALUE);
    }
    ExponentialRate e = exponentialRate.get();
    long steps =
        Math.max(
            e.notifiedStep().map(n -> notified / n).orElse(0L),
            e.succeededStep().map(n -> succeeded / n).orElse(0L));
    double rate = e.baseRatePerMinute() * Math.pow(e.incrementFactor().doubleValue(), steps);
    return (int) Math.min(cap, Math.floor(rate));
  }

  /**
   * How many more things may be notified now, given how many were notified within the last rollout
   * minute: the rate minus that, never negative.
   */
  public long releasable(long notifiedInLastMinute, long notified, long succeeded) {
    if (!isLimited()) {
      return Long.MAX_VALUE;
    }
    return Math.max(0, ratePerMinute(notified, succeeded) - notifiedInLastMinute);
  }

  /** Parses and validates the AWS shape found at {@code path}. */
  public static RolloutConfig parse(ObjectNode node, String path) {
    Optional<Integer> max =
        Validation.integer(node, "maximumPerMinute", path + ".maximumPerMinute", 1, MAX_PER_MINUTE)
            .map(Long::intValue);
    Optional<ExponentialRate> exponential =
        Validation.object(node, "exponentialRate", path + ".exponentialRate")
            .map(e -> exponential(e, path + ".exponentialRate"));
    return new RolloutConfig(max, exponential);
  }

  private static ExponentialRate exponential(ObjectNode node, String path) {
    int base =
        Validation.integer(
                node, "baseRatePerMinute", path + ".baseRatePerMinute", 1, MAX_PER_MINUTE)
            .orElseThrow(() -> Validation.missing(path + ".baseRatePerMinute"))
            .intValue();
    String factorPath = path + ".incrementFactor";
    BigDecimal factor =
        Validation.number(node, "incrementFactor", factorPath)
            .orElseThrow(() -> Validation.missing(factorPath));
    if (factor.compareTo(new BigDecimal("1.1")) < 0
        || factor.compareTo(BigDecimal.valueOf(5)) > 0) {
      throw Validation.invalid(
          factor.toPlainString(), factorPath, "Member must have value between 1.1 and 5");
    }
    Validation.scale(factor, factorPath, 1);
    String criteriaPath = path + ".rateIncreaseCriteria";
    ObjectNode criteria =
        Validation.object(node, "rateIncreaseCriteria", criteriaPath)
            .orElseThrow(() -> Validation.missing(criteriaPath));
    Optional<Integer> notified =
        Validation.integer(
                criteria,
                "numberOfNotifiedThings",
                criteriaPath + ".numberOfNotifiedThings",
                1,
                Integer.MAX_VALUE)
            .map(Long::intValue);
    Optional<Integer> succeeded =
        Validation.integer(
                criteria,
                "numberOfSucceededThings",
                criteriaPath + ".numberOfSucceededThings",
                1,
                Integer.MAX_VALUE)
            .map(Long::intValue);
    if (notified.isEmpty() && succeeded.isEmpty()) {
      throw dev.iotctl.core.error.IotException.invalidRequest(
          "rateIncreaseCriteria needs numberOfNotifiedThings or numberOfSucceededThings");
    }
    return new ExponentialRate(base, factor, notified, succeeded);
  }

  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    maximumPerMinute.ifPresent(m -> node.put("maximumPerMinute", m));
    exponentialRate.ifPresent(
        e -> {
          ObjectNode rate = node.putObject("exponentialRate");
          rate.put("baseRatePerMinute", e.baseRatePerMinute());
          rate.put("incrementFactor", e.incrementFactor());
          ObjectNode criteria = rate.putObject("rateIncreaseCriteria");
          e.notifiedStep().ifPresent(n -> criteria.put("numberOfNotifiedThings", n));
          e.succeededStep().ifPresent(n -> criteria.put("numberOfSucceededThings", n));
        });
    return node;
  }
}
