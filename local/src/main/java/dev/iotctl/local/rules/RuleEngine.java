package dev.iotctl.local.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.sql.IotSql;
import dev.iotctl.core.sql.SqlContext;
import dev.iotctl.core.topic.TopicFilters;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local rules engine: for each routed message, every enabled rule whose topic filter matches
 * runs on the engine's own bounded executor. {@code republish} goes to the {@link Publisher}; every
 * other action type is recorded in the {@link ActionSink}. When actions fail, the rule's {@code
 * errorAction} receives one AWS-format error message for that rule and message.
 */
public final class RuleEngine implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Publisher publisher;
  private final ActionSink sink;
  private final Clock clock;
  private final ThreadPoolExecutor executor;
  private final Map<String, TopicRule> rules = new ConcurrentHashMap<>();
  private final Map<String, Counters> counters = new ConcurrentHashMap<>();
  private final AtomicLong dropped = new AtomicLong();

  /**
   * @param threads worker threads
   * @param queueCapacity messages waiting beyond which new rule executions are dropped (counted)
   */
  public RuleEngine(
      Publisher publisher, ActionSink sink, Clock clock, int threads, int queueCapacity) {
    this.publisher = publisher;
    this.sink = sink;
    this.clock = clock;
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            r -> {
              Thread t = new Thread(r, "iotctl-rules");
              t.setDaemon(true);
              return t;
            });
  }

  /** Adds or replaces a rule. */
  public void put(TopicRule rule) {
    rules.put(rule.name(), rule);
    counters.putIfAbsent(rule.name(), new Counters());
  }

  public void remove(String ruleName) {
    rules.remove(ruleName);
  }

  public Optional<TopicRule> rule(String ruleName) {
    return Optional.ofNullable(rules.get(ruleName));
  }

  /** The counters of a rule; zeros for an unknown one. */
  public RuleCounters counters(String ruleName) {
    Counters c = counters.get(ruleName);
    return c == null ? new RuleCounters(0, 0, 0) : c.snapshot();
  }

  /** Rule executions dropped because the executor's queue was full. */
  public long dropped() {
    return dropped.get();
  }

  /**
   * Hands a published message to every enabled rule whose FROM filter matches {@code topic}.
   *
   * @return how many rules were scheduled
   */
  public int route(String topic, byte[] payload, String clientId, String principal) {
    int scheduled = 0;
    for (TopicRule rule : rules.values()) {
      if (rule.enabled()
          && rule.statement().matchesTopic(topic)
          && schedule(rule, topic, payload, clientId, principal)) {
        scheduled++;
      }
    }
    return scheduled;
  }

  /**
   * Hands a Basic Ingest message to one rule, whatever its FROM filter (AWS makes FROM optional for
   * rules only invoked by Basic Ingest).
   *
   * @param topic the topic after the {@code $aws/rules/{ruleName}/} prefix, as {@code topic()} sees
   *     it
   * @return false when the rule does not exist or is disabled (AWS's {@code RuleNotFound})
   */
  public boolean routeTo(
      String ruleName, String topic, byte[] payload, String clientId, String principal) {
    TopicRule rule = rules.get(ruleName);
    if (rule == null || !rule.enabled()) {
      return false;
    }
    schedule(rule, topic, payload, clientId, principal);
    return true;
  }

  private boolean schedule(
      TopicRule rule, String topic, byte[] payload, String clientId, String principal) {
    SqlContext ctx =
        new SqlContext(
            topic,
            clientId,
            principal,
            clock.millis(),
            () -> UUID.randomUUID().toString(),
            null,
            UUID.randomUUID().toString());
    try {
      executor.execute(() -> run(rule, payload, ctx));
      return true;
    } catch (RejectedExecutionException e) {
      dropped.incrementAndGet();
      return false;
    }
  }

  /** The counters of every rule that has been loaded, by rule name in order. */
  public SortedMap<String, RuleCounters> allCounters() {
    SortedMap<String, RuleCounters> all = new TreeMap<>();
    counters.forEach((name, c) -> all.put(name, c.snapshot()));
    return all;
  }

  private void run(TopicRule rule, byte[] payload, SqlContext ctx) {
    Optional<JsonNode> result = rule.statement().evaluate(payload, ctx);
    if (result.isEmpty()) {
      return;
    }
    Counters c = counters.computeIfAbsent(rule.name(), n -> new Counters());
    c.matched.incrementAndGet();
    byte[] out = IotSql.toBytes(result.get());
    List<ObjectNode> failures = new ArrayList<>();
    for (RuleAction action : rule.actions()) {
      try {
        execute(rule, action, out, payload, ctx);
        c.executed.incrementAndGet();
      } catch (Exception e) {
        c.failed.incrementAndGet();
        ObjectNode failure = JSON.createObjectNode();
        failure.put("failedAction", action.failureName());
        failure.put("failedResource", action.target());
        failure.put("errorMessage", String.valueOf(e.getMessage()));
        failures.add(failure);
      }
    }
    if (!failures.isEmpty() && rule.errorAction() != null) {
      try {
        execute(rule, rule.errorAction(), errorMessage(rule, payload, ctx, failures), payload, ctx);
      } catch (Exception e) {
        c.failed.incrementAndGet();
      }
    }
  }

  private void execute(
      TopicRule rule, RuleAction action, byte[] out, byte[] original, SqlContext ctx)
      throws Exception {
    String version = rule.statement().version().label();
    if (action.type().equals("republish")) {
      JsonNode topicField = action.params().get("topic");
      if (topicField == null || !topicField.isTextual()) {
        throw new IllegalArgumentException("republish action has no topic");
      }
      String topic =
          new SubstitutionTemplate(topicField.textValue(), version).render(original, ctx);
      // "To republish to a reserved topic, which begins with $, use $$ instead."
      if (topic.startsWith("$$")) {
        topic = topic.substring(1);
      } else if (topic.startsWith("$")) {
        throw new IllegalArgumentException(
            "Republishing to reserved topic " + topic + " requires the $$ prefix");
      }
      TopicFilters.validateTopic(topic);
      JsonNode qos = action.params().get("qos");
      publisher.publish(topic, out, qos == null ? 0 : qos.asInt(0));
      return;
    }
    sink.record(rule.name(), action.type(), action.target(), out, clock.millis());
  }

  private static byte[] errorMessage(
      TopicRule rule, byte[] payload, SqlContext ctx, List<ObjectNode> failures) {
    ObjectNode message = JSON.createObjectNode();
    message.put("ruleName", rule.name());
    message.put("topic", ctx.topic());
    message.put("cloudwatchTraceId", ctx.traceId());
    message.put("clientId", ctx.clientId());
    message.put("base64OriginalPayload", Base64.getEncoder().encodeToString(payload));
    ArrayNode list = message.putArray("failures");
    list.addAll(failures);
    return message.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Stops accepting messages and waits briefly for running rules. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sink.close();
  }

  private static final class Counters {
    final AtomicLong matched = new AtomicLong();
    final AtomicLong executed = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    RuleCounters snapshot() {
      return new RuleCounters(matched.get(), executed.get(), failed.get());
    }
  }
}
