package dev.iotctl.core.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import dev.iotctl.core.topic.TopicFilters;
import java.util.Optional;

/**
 * A parsed rule query, immutable and thread-safe: {@code SELECT ... FROM 'filter' [WHERE ...]}.
 *
 * <p>Payloads that are a JSON object are documents whose attributes the statement reads. Anything
 * else (binary, or JSON that is not an object such as {@code 80}) is a non-JSON payload: attributes
 * are Undefined, {@code *} is the raw bytes, and {@code SELECT *} yields those bytes unchanged as a
 * {@link BinaryNode}. In {@code SELECT *, x AS y} over a non-JSON payload, {@code *} contributes
 * nothing and the result is the object of the other items.
 */
public final class SqlStatement {
  private final String sql;
  private final SqlVersion version;
  private final Expr.Select select;

  SqlStatement(String sql, SqlVersion version, Expr.Select select) {
    this.sql = sql;
    this.version = version;
    this.select = select;
  }

  /** The statement text as given. */
  public String sql() {
    return sql;
  }

  /** The {@code awsIotSqlVersion} it was parsed for. */
  public SqlVersion version() {
    return version;
  }

  /** The FROM clause's topic filter, without quotes. */
  public String topicFilter() {
    return select.topicFilter();
  }

  /** Whether a message on {@code topic} triggers this rule. */
  public boolean matchesTopic(String topic) {
    return topic != null && !topic.isEmpty() && TopicFilters.matches(select.topicFilter(), topic);
  }

  /**
   * Runs the statement on one message. Never throws for any payload.
   *
   * @return empty when the WHERE clause is not exactly {@code true}; otherwise the outgoing
   *     payload: an object, any JSON value for {@code SELECT VALUE} ({@link
   *     com.fasterxml.jackson.databind.node.MissingNode} when that value is Undefined, published as
   *     an empty payload), or a {@link BinaryNode} for {@code SELECT *} over a non-JSON payload.
   *     {@link IotSql#toBytes} turns any of these into the bytes to publish.
   */
  public Optional<JsonNode> evaluate(byte[] payload, SqlContext ctx) {
    byte[] bytes = payload == null ? new byte[0] : payload;
    JsonNode json = Payloads.parseJson(bytes);
    Scope scope;
    if (json != null && json.isObject()) {
      scope = new Scope(json, json, bytes, ctx, version);
    } else {
      scope = new Scope(null, Values.nodes().binaryNode(bytes), bytes, ctx, version);
    }
    if (!Evaluator.matches(select.where(), scope)) {
      return Optional.empty();
    }
    if (scope.document() == null
        && select.items().size() == 1
        && select.items().get(0).isStar()
        && !select.value()) {
      return Optional.of(scope.star());
    }
    return Optional.of(Evaluator.project(select, scope));
  }

  @Override
  public String toString() {
    return sql;
  }
}
