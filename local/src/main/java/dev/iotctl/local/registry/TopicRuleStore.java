package dev.iotctl.local.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.core.topic.IotNames;
import dev.iotctl.local.store.Page;
import dev.iotctl.local.store.Pages;
import dev.iotctl.local.store.Transaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Topic rules: CreateTopicRule, GetTopicRule, ReplaceTopicRule, DeleteTopicRule, ListTopicRules,
 * EnableTopicRule, DisableTopicRule. The rules engine interprets the payload.
 */
public final class TopicRuleStore {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Context context;

  TopicRuleStore(Context context) {
    this.context = context;
  }

  /** Creates a rule; enabled unless the payload says {@code "ruleDisabled": true}. */
  public TopicRule create(String name, String payload) {
    IotNames.RULE_NAME.validate(name);
    boolean disabled = disabledIn(payload);
    return context
        .db()
        .write(
            tx -> {
              if (find(tx, name).isPresent()) {
                throw Errors.alreadyExists("Rule " + name + " already exists.");
              }
              tx.update(
                  "INSERT INTO topic_rules (name, payload, enabled, created_at) VALUES (?, ?, ?, ?)",
                  name,
                  payload,
                  disabled ? 0 : 1,
                  context.now());
              changed(tx, name);
              return find(tx, name).orElseThrow();
            });
  }

  /** The rule, or ResourceNotFoundException. */
  public TopicRule get(String name) {
    return context.db().read(tx -> require(tx, name));
  }

  /** Replaces the rule's payload (and its enabled state, from the payload's ruleDisabled). */
  public TopicRule replace(String name, String payload) {
    boolean disabled = disabledIn(payload);
    return context
        .db()
        .write(
            tx -> {
              require(tx, name);
              tx.update(
                  "UPDATE topic_rules SET payload = ?, enabled = ? WHERE name = ?",
                  payload,
                  disabled ? 0 : 1,
                  name);
              changed(tx, name);
              return require(tx, name);
            });
  }

  /** Enables or disables the rule. */
  public void setEnabled(String name, boolean enabled) {
    context
        .db()
        .write(
            tx -> {
              require(tx, name);
              tx.update("UPDATE topic_rules SET enabled = ? WHERE name = ?", enabled ? 1 : 0, name);
              changed(tx, name);
              return null;
            });
  }

  /** Deletes the rule, or ResourceNotFoundException. */
  public void delete(String name) {
    context
        .db()
        .write(
            tx -> {
              require(tx, name);
              tx.update("DELETE FROM topic_rules WHERE name = ?", name);
              changed(tx, name);
              return null;
            });
  }

  /** Every rule, in name order (the rules engine loads them all). */
  public List<TopicRule> all() {
    return context.db().read(tx -> tx.query("SELECT * FROM topic_rules ORDER BY name", this::map));
  }

  /** Rules in name order, optionally only enabled or only disabled ones. */
  public Page<TopicRule> list(
      Optional<Boolean> ruleDisabled, Integer maxResults, String nextToken) {
    int limit = Pages.limit(maxResults, 50, 10_000);
    String after = Pages.keyAfter(nextToken);
    Integer enabled = ruleDisabled.map(disabled -> disabled ? 0 : 1).orElse(null);
    List<TopicRule> rows =
        context
            .db()
            .read(
                tx ->
                    tx.query(
                        "SELECT * FROM topic_rules WHERE name > ? AND (? IS NULL OR enabled = ?)"
                            + " ORDER BY name LIMIT ?",
                        this::map,
                        after,
                        enabled,
                        enabled,
                        limit + 1));
    return Pages.page(rows, limit, TopicRule::name);
  }

  private void changed(Transaction tx, String name) {
    tx.afterCommit(() -> context.listeners().fire(l -> l.topicRuleChanged(name)));
  }

  private TopicRule require(Transaction tx, String name) throws SQLException {
    return find(tx, name).orElseThrow(() -> Errors.notFound("Rule " + name + " does not exist."));
  }

  private Optional<TopicRule> find(Transaction tx, String name) throws SQLException {
    return tx.queryOne("SELECT * FROM topic_rules WHERE name = ?", this::map, name);
  }

  private TopicRule map(ResultSet row) throws SQLException {
    String name = row.getString("name");
    return new TopicRule(
        name,
        context.config().arn("rule", name),
        row.getString("payload"),
        row.getInt("enabled") == 1,
        Instant.ofEpochMilli(row.getLong("created_at")));
  }

  private static boolean disabledIn(String payload) {
    try {
      JsonNode tree = MAPPER.readTree(payload);
      if (tree == null || !tree.isObject()) {
        throw Errors.invalid("The topic rule payload must be a JSON object.");
      }
      return tree.path("ruleDisabled").asBoolean(false);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw Errors.invalid("The topic rule payload is not valid JSON.");
    }
  }
}
