package dev.iotctl.core.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds what AWS IoT Device Defender's audit reports for a policy:
 *
 * <ul>
 *   <li>{@code IOT_POLICY_OVERLY_PERMISSIVE_CHECK} (critical, reason {@code
 *       ALLOWS_BROAD_ACCESS_TO_IOT_DATA_PLANE_ACTIONS}): an {@code Allow} that lets a device
 *       connect as any client id ({@code client/*}, or {@code client/${iot:ClientId}} without
 *       {@code iot:Connection.Thing.IsAttached} true), publish or subscribe on the whole topic
 *       space or on reserved {@code $aws/things/...} topics of every thing (a {@code *}, {@code ?},
 *       {@code +} or {@code #} in the thing-name level), or call shadow/job APIs on any thing. As
 *       AWS documents, {@code iot:Receive} alone is not permissive: a client only receives what it
 *       may subscribe to.
 *   <li>{@code IOT_POLICY_POTENTIAL_MISCONFIGURATION_CHECK} (medium): a {@code Deny} naming MQTT
 *       wildcards {@code +}/{@code #}, which policies treat as literal characters, or a denied
 *       topic filter that an allowed broader filter (such as {@code a/#}) still lets the client
 *       receive.
 * </ul>
 *
 * <p>And what AWS accepts without a word but a person rarely means (iotctl's own checks):
 *
 * <ul>
 *   <li>{@code IOTCTL_ALLOWS_EVERYTHING} (critical): an {@code Allow} of {@code iot:*} (or {@code
 *       *}) on {@code *}.
 *   <li>{@code IOTCTL_UNKNOWN_ACTION} (medium): an action that names no AWS IoT Core policy action
 *       ({@code iot:Publsh}), which AWS stores and never matches.
 *   <li>{@code IOTCTL_UNKNOWN_POLICY_VARIABLE} (medium): a {@code ${...}} that is no IoT policy
 *       variable, so it never gets a value and stays literal text.
 *   <li>{@code IOTCTL_POLICY_VARIABLES_IGNORED} (medium): {@code ${iot:...}} in a document whose
 *       {@code Version} is not {@code 2012-10-17}, where variables are not substituted at all.
 * </ul>
 */
public final class PolicyLinter {
  public static final String OVERLY_PERMISSIVE = "IOT_POLICY_OVERLY_PERMISSIVE_CHECK";
  public static final String POTENTIAL_MISCONFIGURATION =
      "IOT_POLICY_POTENTIAL_MISCONFIGURATION_CHECK";
  public static final String ALLOWS_EVERYTHING = "IOTCTL_ALLOWS_EVERYTHING";
  public static final String UNKNOWN_ACTION = "IOTCTL_UNKNOWN_ACTION";
  public static final String UNKNOWN_POLICY_VARIABLE = "IOTCTL_UNKNOWN_POLICY_VARIABLE";
  public static final String POLICY_VARIABLES_IGNORED = "IOTCTL_POLICY_VARIABLES_IGNORED";
  public static final String CRITICAL = "CRITICAL";
  public static final String MEDIUM = "MEDIUM";

  private static final String THINGS = "$aws/things/";
  private static final String IS_ATTACHED = "iot:connection.thing.isattached";
  private static final String PROBE_THING = "lint-probe-other-thing";
  private static final List<String> THING_ACTIONS =
      List.of(
          "iot:GetThingShadow",
          "iot:UpdateThingShadow",
          "iot:DeleteThingShadow",
          "iot:ListNamedShadowsForThing",
          "iot:DescribeJobExecution",
          "iot:GetPendingJobExecutions",
          "iot:StartNextPendingJobExecution",
          "iot:UpdateJobExecution");

  /** A connection of some thing other than the probes, to substitute variables while linting. */
  private static final PolicyContext LINT_CONTEXT =
      PolicyContext.builder()
          .clientId("lint-own-thing")
          .thingName("lint-own-thing")
          .isAttached(true)
          .build();

  private PolicyLinter() {}

  /** All findings, in statement order. An empty list means the policy passes both checks. */
  public static List<LintFinding> lint(PolicyDocument document) {
    List<LintFinding> findings = new ArrayList<>();
    for (Statement statement : document.statements()) {
      names(document, statement, findings);
      if (statement.effect() == Effect.ALLOW) {
        Set<String> reasons = overlyPermissive(statement, document.variablesEnabled());
        if (!reasons.isEmpty()) {
          findings.add(
              new LintFinding(
                  OVERLY_PERMISSIVE,
                  CRITICAL,
                  "ALLOWS_BROAD_ACCESS_TO_IOT_DATA_PLANE_ACTIONS: " + String.join("; ", reasons),
                  statement.index()));
        }
      } else {
        misconfiguredDeny(document, statement, findings);
      }
    }
    return findings;
  }

  /** Actions and variables that exist, and {@code iot:*} on {@code *}. */
  private static void names(PolicyDocument document, Statement statement, List<LintFinding> out) {
    if (!statement.notAction()) {
      for (String action : statement.actions()) {
        if (!PolicyVocabulary.isKnownAction(action)) {
          out.add(
              new LintFinding(
                  UNKNOWN_ACTION,
                  MEDIUM,
                  action
                      + " is not an AWS IoT Core policy action"
                      + PolicyVocabulary.closestAction(action)
                          .map(a -> " (did you mean " + a + "?)")
                          .orElse(""),
                  statement.index()));
        }
      }
    }
    boolean allActions =
        !statement.notAction()
            && statement.actions().stream().anyMatch(a -> a.equals("*") || a.equals("iot:*"));
    boolean allResources = !statement.notResource() && statement.resources().contains("*");
    if (statement.effect() == Effect.ALLOW && allActions && allResources) {
      out.add(
          new LintFinding(
              ALLOWS_EVERYTHING,
              CRITICAL,
              "iot:* on * allows every IoT action on every resource",
              statement.index()));
    }
    Set<String> unknown = new LinkedHashSet<>();
    Set<String> ignored = new LinkedHashSet<>();
    List<PolicyString> strings = new ArrayList<>(statement.resourcePatterns());
    statement.conditions().forEach(c -> strings.addAll(c.values()));
    for (PolicyString string : strings) {
      if (document.variablesEnabled()) {
        string.variableNames().stream()
            .filter(v -> !PolicyVocabulary.isKnownVariable(v))
            .forEach(v -> unknown.add("${" + v + "}"));
      } else if (string.raw().contains("${")) {
        ignored.add(string.raw());
      }
    }
    for (String variable : unknown) {
      out.add(
          new LintFinding(
              UNKNOWN_POLICY_VARIABLE,
              MEDIUM,
              variable + " is not an IoT policy variable: it never gets a value",
              statement.index()));
    }
    for (String raw : ignored) {
      out.add(
          new LintFinding(
              POLICY_VARIABLES_IGNORED,
              MEDIUM,
              raw
                  + ": policy variables need \"Version\": \"2012-10-17\"; here ${...} is matched"
                  + " as literal text",
              statement.index()));
    }
  }

  private static Set<String> overlyPermissive(Statement statement, boolean variables) {
    Set<String> reasons = new LinkedHashSet<>();
    boolean connect = statement.matchesAction("iot:Connect");
    boolean publish =
        statement.matchesAction("iot:Publish") || statement.matchesAction("iot:RetainPublish");
    boolean subscribe = statement.matchesAction("iot:Subscribe");
    boolean thing = THING_ACTIONS.stream().anyMatch(statement::matchesAction);
    if (!(connect || publish || subscribe || thing)) {
      return reasons;
    }
    if (statement.notResource()) {
      reasons.add("NotResource grants data-plane actions on every other resource");
      return reasons;
    }
    for (String resource : statement.resources()) {
      String type;
      String path;
      if (resource.equals("*")) {
        type = "*";
        path = "*";
      } else {
        String[] arn = resource.split(":", 6);
        String rest = arn.length == 6 ? arn[5] : "*";
        int slash = rest.indexOf('/');
        type = slash < 0 ? rest : rest.substring(0, slash);
        path = slash < 0 ? "*" : rest.substring(slash + 1);
        if (type.contains("*")) {
          path = "*";
        }
      }
      if (connect && covers(type, "client") && broadClient(statement, path)) {
        reasons.add("iot:Connect lets any client id connect (" + resource + ")");
      }
      if (publish && covers(type, "topic") && broadTopic(path, variables)) {
        reasons.add("iot:Publish on the topics of all devices (" + resource + ")");
      }
      if (subscribe && covers(type, "topicfilter") && broadTopic(path, variables)) {
        reasons.add("iot:Subscribe to the topics of all devices (" + resource + ")");
      }
      if (thing && covers(type, "thing") && (path.contains("*") || path.contains("?"))) {
        reasons.add("shadow or job actions on all things (" + resource + ")");
      }
    }
    return reasons;
  }

  private static boolean covers(String type, String wanted) {
    return type.equals(wanted) || type.contains("*");
  }

  private static boolean broadClient(Statement statement, String clientPath) {
    boolean anyId =
        clientPath.contains("*") || clientPath.toLowerCase(Locale.ROOT).contains("${iot:clientid}");
    return anyId && !requiresAttachedThing(statement);
  }

  private static boolean requiresAttachedThing(Statement statement) {
    for (Condition condition : statement.conditions()) {
      if (condition.operator() == ConditionOperator.BOOL
          && !condition.ifExists()
          && condition.key().toLowerCase(Locale.ROOT).equals(IS_ATTACHED)
          && condition.values().stream().allMatch(v -> v.raw().equalsIgnoreCase("true"))) {
        return true;
      }
    }
    return false;
  }

  /** The whole topic space, or a thing-name level of {@code $aws/things/} that spans things. */
  private static boolean broadTopic(String path, boolean variables) {
    PolicyString pattern = PolicyString.parse(path, variables);
    if (pattern.matches("lint/probe/any-topic", LINT_CONTEXT, false)) {
      return true;
    }
    int things = path.indexOf(THINGS);
    if (things >= 0) {
      int end = path.indexOf('/', things + THINGS.length());
      String thingLevel = path.substring(things + THINGS.length(), end < 0 ? path.length() : end);
      return thingLevel.isEmpty() || thingLevel.matches(".*[*?+#].*");
    }
    return pattern.matches(THINGS + PROBE_THING + "/shadow/update", LINT_CONTEXT, false);
  }

  private static void misconfiguredDeny(
      PolicyDocument document, Statement deny, List<LintFinding> findings) {
    for (String resource : deny.resources()) {
      int topicAt = resource.indexOf(":topic/");
      int filterAt = resource.indexOf(":topicfilter/");
      String path =
          filterAt >= 0
              ? resource.substring(filterAt + ":topicfilter/".length())
              : topicAt >= 0 ? resource.substring(topicAt + ":topic/".length()) : null;
      if (path == null) {
        continue;
      }
      if (path.contains("+") || path.contains("#")) {
        findings.add(
            new LintFinding(
                POTENTIAL_MISCONFIGURATION,
                MEDIUM,
                "POLICY_CONTAINS_MQTT_WILDCARDS_IN_DENY_STATEMENT: "
                    + resource
                    + " (+ and # are literal characters in policies, not MQTT wildcards)",
                deny.index()));
      } else if (filterAt >= 0 && deny.matchesAction("iot:Subscribe")) {
        String arnPrefix = resource.substring(0, filterAt + 1);
        String bypass = bypassingFilter(document, arnPrefix, path);
        if (bypass != null) {
          findings.add(
              new LintFinding(
                  POTENTIAL_MISCONFIGURATION,
                  MEDIUM,
                  "TOPIC_FILTERS_INTENDED_TO_DENY_ALLOWED_USING_WILDCARDS: "
                      + resource
                      + " is denied, but subscribing to "
                      + bypass
                      + " is allowed and receives its messages",
                  deny.index()));
        }
      }
    }
  }

  /**
   * An allowed MQTT filter ({@code #} or an ancestor level followed by {@code /#}) that still
   * delivers a topic under the denied filter, provided {@code iot:Receive} on that topic is allowed
   * too; null if none.
   */
  private static String bypassingFilter(PolicyDocument document, String arnPrefix, String denied) {
    String prefix = PolicyString.parse(denied, document.variablesEnabled()).text(LINT_CONTEXT);
    int cut = firstWildcard(prefix);
    String literal = cut < 0 ? prefix : prefix.substring(0, cut);
    String sampleTopic = literal + (cut < 0 ? "" : "lint-probe");
    List<NamedPolicy> policy = List.of(new NamedPolicy("lint", document));
    if (!allowed(policy, "iot:Receive", arnPrefix + "topic/" + sampleTopic)) {
      return null;
    }
    List<String> candidates = new ArrayList<>();
    candidates.add("#");
    String[] levels = literal.split("/", -1);
    StringBuilder ancestor = new StringBuilder();
    for (int i = 0; i < levels.length - 1; i++) {
      ancestor.append(i == 0 ? "" : "/").append(levels[i]);
      candidates.add(ancestor + "/#");
    }
    for (String filter : candidates) {
      if (allowed(policy, "iot:Subscribe", arnPrefix + "topicfilter/" + filter)) {
        return filter;
      }
    }
    return null;
  }

  private static int firstWildcard(String text) {
    int star = text.indexOf('*');
    int one = text.indexOf('?');
    return star < 0 ? one : one < 0 ? star : Math.min(star, one);
  }

  private static boolean allowed(List<NamedPolicy> policy, String action, String resource) {
    return PolicyEvaluator.evaluate(
            policy, new AuthorizationRequest(action, resource, LINT_CONTEXT))
        .allowed();
  }
}
