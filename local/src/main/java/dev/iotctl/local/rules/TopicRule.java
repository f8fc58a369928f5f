package dev.iotctl.local.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.core.error.IotException;
import dev.iotctl.core.sql.IotSql;
import dev.iotctl.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A topic rule: its parsed query, actions, optional error action, and whether it is enabled. */
public record TopicRule(
    String name,
    SqlStatement statement,
    List<RuleAction> actions,
    RuleAction errorAction,
    boolean enabled) {

  public TopicRule {
    actions = List.copyOf(actions);
  }

  /**
   * Reads AWS's TopicRulePayload: {@code sql}, {@code awsIotSqlVersion}, {@code ruleDisabled},
   * {@code actions[]}, {@code errorAction}.
   *
   * @throws IotException {@code SqlParseException} or {@code InvalidRequestException}
   */
  public static TopicRule fromPayload(String name, JsonNode payload) {
    JsonNode sql = payload.get("sql");
    if (sql == null || !sql.isTextual()) {
      throw IotException.invalidRequest("1 validation error detected: sql must not be null");
    }
    JsonNode version = payload.get("awsIotSqlVersion");
    SqlStatement statement =
        IotSql.parse(
            sql.textValue(), version == null || version.isNull() ? null : version.asText());
    List<RuleAction> actions = new ArrayList<>();
    JsonNode list = payload.get("actions");
    if (list != null && list.isArray()) {
      for (JsonNode action : list) {
        actions.add(action(action));
      }
    }
    JsonNode error = payload.get("errorAction");
    JsonNode disabled = payload.get("ruleDisabled");
    return new TopicRule(
        name,
        statement,
        actions,
        error == null || error.isNull() ? null : action(error),
        disabled == null || !disabled.asBoolean(false));
  }

  private static RuleAction action(JsonNode action) {
    Iterator<Map.Entry<String, JsonNode>> fields = action.fields();
    if (!action.isObject() || action.size() != 1) {
      throw IotException.invalidRequest("Each action must specify exactly one action type");
    }
    Map.Entry<String, JsonNode> only = fields.next();
    return new RuleAction(only.getKey(), only.getValue());
  }
}
