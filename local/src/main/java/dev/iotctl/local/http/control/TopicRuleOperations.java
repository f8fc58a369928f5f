package dev.iotctl.local.http.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import dev.iotctl.local.http.error.AlreadyExists;
import dev.iotctl.local.http.json.Fields;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.registry.RegistryConfig;
import dev.iotctl.local.registry.TagRegistry;
import dev.iotctl.local.registry.TopicRule;
import dev.iotctl.local.registry.TopicRuleStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CreateTopicRule, GetTopicRule, ListTopicRules, ReplaceTopicRule, DeleteTopicRule,
 * EnableTopicRule, DisableTopicRule: rules are stored and returned; the rules engine evaluates
 * them. The request body is the TopicRulePayload itself.
 */
public final class TopicRuleOperations implements RouteProvider {
  private static final Pattern FROM = Pattern.compile("(?i)\\bFROM\\s+'([^']*)'");

  private final TopicRuleStore rules;
  private final TagRegistry tags;
  private final RegistryConfig account;

  public TopicRuleOperations(TopicRuleStore rules, TagRegistry tags, RegistryConfig account) {
    this.rules = rules;
    this.tags = tags;
    this.account = account;
  }

  @Override
  public List<Route> routes() {
    String rule = "/rules/{ruleName}";
    return List.of(
        Route.of("POST", rule, "CreateTopicRule", Plane.CONTROL, this::create),
        Route.of("GET", rule, "GetTopicRule", Plane.CONTROL, this::get),
        Route.of("GET", "/rules", "ListTopicRules", Plane.CONTROL, this::list),
        Route.of("PATCH", rule, "ReplaceTopicRule", Plane.CONTROL, this::replace),
        Route.of("DELETE", rule, "DeleteTopicRule", Plane.CONTROL, this::delete),
        Route.of("POST", rule + "/enable", "EnableTopicRule", Plane.CONTROL, r -> enable(r, true)),
        Route.of(
            "POST", rule + "/disable", "DisableTopicRule", Plane.CONTROL, r -> enable(r, false)));
  }

  private ApiResponse create(ApiRequest request) {
    String name = request.path("ruleName");
    String payload = payload(request);
    Optional<Map<String, String>> newTags = TagOperations.fromTaggingHeader(request);
    TopicRule rule =
        AlreadyExists.naming(
            name, () -> account.arn("rule", name), () -> rules.create(name, payload));
    newTags.ifPresent(t -> tags.tag(rule.arn(), t));
    return ApiResponse.empty();
  }

  private ApiResponse replace(ApiRequest request) {
    rules.replace(request.path("ruleName"), payload(request));
    return ApiResponse.empty();
  }

  private ApiResponse get(ApiRequest request) {
    TopicRule rule = rules.get(request.path("ruleName"));
    ObjectNode body = Json.object().put("ruleArn", rule.arn());
    ObjectNode described =
        Json.parseObject(rule.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    described.remove("ruleDisabled");
    ObjectNode out = Json.object().put("ruleName", rule.name());
    out.setAll(described);
    out.put("createdAt", Json.epochSeconds(rule.createdAt()));
    out.put("ruleDisabled", !rule.enabled());
    if (!out.has("awsIotSqlVersion")) {
      out.put("awsIotSqlVersion", "2015-10-08");
    }
    body.set("rule", out);
    return Responses.ok(body);
  }

  private ApiResponse list(ApiRequest request) {
    Optional<String> topic = request.query("topic");
    var page =
        rules.list(
            request.queryBoolean("ruleDisabled"),
            request.queryInt("maxResults", 1, 10_000).orElse(null),
            request.query("nextToken").orElse(null));
    return Responses.page(
        page,
        "rules",
        "nextToken",
        (list, rule) -> {
          String pattern = topicPattern(rule.payload());
          if (topic.isPresent() && !topic.get().equals(pattern)) {
            return;
          }
          ObjectNode item =
              list.addObject().put("ruleArn", rule.arn()).put("ruleName", rule.name());
          if (pattern != null) {
            item.put("topicPattern", pattern);
          }
          item.put("createdAt", Json.epochSeconds(rule.createdAt()));
          item.put("ruleDisabled", !rule.enabled());
        });
  }

  private ApiResponse delete(ApiRequest request) {
    rules.delete(request.path("ruleName"));
    return ApiResponse.empty();
  }

  private ApiResponse enable(ApiRequest request, boolean enabled) {
    rules.setEnabled(request.path("ruleName"), enabled);
    return ApiResponse.empty();
  }

  /** The body as stored: a JSON object with a string {@code sql} and a list of {@code actions}. */
  private static String payload(ApiRequest request) {
    ObjectNode payload = Json.parseObject(request.body());
    Fields.requiredString(payload, "sql");
    JsonNode actions = payload.get("actions");
    if (actions == null || !actions.isArray()) {
      throw IotException.invalidRequest(
          "1 validation error detected: Value null at 'topicRulePayload.actions' failed to satisfy"
              + " constraint: Member must not be null");
    }
    Fields.bool(payload, "ruleDisabled");
    return Json.write(payload);
  }

  private static String topicPattern(String payload) {
    JsonNode sql =
        Json.parseObject(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)).get("sql");
    if (sql == null || !sql.isTextual()) {
      return null;
    }
    Matcher m = FROM.matcher(sql.textValue());
    return m.find() ? m.group(1) : null;
  }
}
