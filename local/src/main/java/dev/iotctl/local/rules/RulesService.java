package dev.iotctl.local.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.core.error.IotException;
import dev.iotctl.core.topic.ReservedTopics;
import dev.iotctl.local.StandInFiles;
import dev.iotctl.local.gateway.ConnectionPrincipal;
import dev.iotctl.local.gateway.DeviceGateway;
import dev.iotctl.local.gateway.RoutedMessageListener;
import dev.iotctl.local.registry.Registry;
import dev.iotctl.local.registry.RegistryListener;
import dev.iotctl.local.registry.TopicRuleStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topic rules in the running stand-in: the {@link RuleEngine} holds every rule of the registry
 * (kept in sync as rules are created, replaced, deleted, enabled and disabled), sees every message
 * the broker routes, republishes through the gateway, records other actions in {@code
 * DIR/actions.jsonl} and writes its metrics to {@code DIR/stats.json} every second and on close.
 */
public final class RulesService implements RegistryListener, RoutedMessageListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RulesService.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Rule worker threads. */
  static final int THREADS = 4;

  /** Rule executions waiting beyond which new ones are dropped (and counted). */
  static final int QUEUE_CAPACITY = 100_000;

  private final Registry registry;
  private final DeviceGateway gateway;
  private final TopicRuleStore store;
  private final RuleEngine engine;
  private final Path dataDir;
  private final Clock clock;
  private final AtomicLong ruleNotFound = new AtomicLong();
  private final Object reloadLock = new Object();
  private final ScheduledExecutorService statsWriter;

  private RulesService(
      Registry registry, DeviceGateway gateway, RuleEngine engine, Path dataDir, Clock clock) {
    this.registry = registry;
    this.gateway = gateway;
    this.store = registry.topicRules();
    this.engine = engine;
    this.dataDir = dataDir;
    this.clock = clock;
    this.statsWriter =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "iotctl-rules-stats");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Loads the registry's rules and subscribes to their changes. The caller hands it every message
   * the gateway routes ({@link #onMessage}).
   */
  public static RulesService start(Registry registry, DeviceGateway gateway, Path dataDir) {
    Clock clock = Clock.systemUTC();
    RuleEngine engine =
        new RuleEngine(
            (topic, payload, qos) -> gateway.publish(topic, payload, qos, false),
            new ActionSink(dataDir),
            clock,
            THREADS,
            QUEUE_CAPACITY);
    RulesService service = new RulesService(registry, gateway, engine, dataDir, clock);
    registry.addListener(service);
    for (dev.iotctl.local.registry.TopicRule rule : registry.topicRules().all()) {
      service.topicRuleChanged(rule.name());
    }
    service.statsWriter.scheduleWithFixedDelay(service::writeStats, 1, 1, TimeUnit.SECONDS);
    return service;
  }

  /** The engine (counters, rules as loaded). */
  public RuleEngine engine() {
    return engine;
  }

  /** {@code DIR/actions.jsonl}. */
  public Path actionsFile() {
    return new StandInFiles(dataDir).actions();
  }

  /** The metrics now. */
  public RulesStats stats() {
    return new RulesStats(
        clock.millis(), engine.allCounters(), engine.dropped(), ruleNotFound.get());
  }

  /**
   * Re-reads the rule from the registry. Serialized, and reading the registry after the change
   * committed, so the last reload always sees the last committed state.
   */
  @Override
  public void topicRuleChanged(String ruleName) {
    synchronized (reloadLock) {
      Optional<TopicRule> rule = load(ruleName);
      if (rule.isPresent()) {
        engine.put(rule.get());
      } else {
        engine.remove(ruleName);
      }
    }
  }

  private Optional<TopicRule> load(String ruleName) {
    dev.iotctl.local.registry.TopicRule stored;
    try {
      stored = store.get(ruleName);
    } catch (IotException notFound) {
      return Optional.empty();
    }
    try {
      TopicRule parsed = TopicRule.fromPayload(ruleName, JSON.readTree(stored.payload()));
      return Optional.of(
          new TopicRule(
              ruleName,
              parsed.statement(),
              parsed.actions(),
              parsed.errorAction(),
              stored.enabled()));
    } catch (IOException | IotException e) {
      // CreateTopicRule validates the SQL; a stored rule that no longer parses does not run.
      LOG.warn("topic rule {} is not loaded: {}", ruleName, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Routes one message: a Basic Ingest topic to its rule only, with {@code topic()} seeing what
   * follows {@code $aws/rules/{ruleName}/}; any other topic to every rule whose FROM matches.
   */
  @Override
  public void onMessage(String topic, byte[] payload, ConnectionPrincipal from) {
    String clientId = from == null ? null : from.clientId();
    String principal = from == null ? null : from.device().certificateId();
    if (!topic.startsWith(ReservedTopics.BASIC_INGEST_PREFIX)) {
      engine.route(topic, payload, clientId, principal);
      return;
    }
    Optional<String> rule = ReservedTopics.basicIngestRuleName(topic);
    if (rule.isEmpty()
        || !engine.routeTo(
            rule.get(),
            ReservedTopics.withoutBasicIngestPrefix(topic),
            payload,
            clientId,
            principal)) {
      ruleNotFound.incrementAndGet();
    }
  }

  private void writeStats() {
    try {
      stats().write(dataDir);
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot write {}: {}", RulesStats.FILE_NAME, e.toString());
    }
  }

  /** Stops the engine (letting queued rules finish briefly) and writes the final stats. */
  @Override
  public void close() {
    registry.removeListener(this);
    statsWriter.shutdownNow();
    engine.close();
    writeStats();
  }
}
