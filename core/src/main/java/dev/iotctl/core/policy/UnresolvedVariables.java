package dev.iotctl.core.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The policy variables a request could not fill: those used in the resources or conditions of the
 * statements that name the request's action but have no value in its context. AWS then leaves the
 * {@code ${...}} text in place and the statement rarely matches, so "implicit deny" usually means
 * "the connection lacks this value" (e.g. no attached thing for {@code
 * ${iot:Connection.Thing.ThingName}}).
 */
public final class UnresolvedVariables {
  private UnresolvedVariables() {}

  public static Set<String> of(List<NamedPolicy> policies, AuthorizationRequest request) {
    Set<String> missing = new LinkedHashSet<>();
    for (NamedPolicy policy : policies) {
      for (Statement statement : policy.document().statements()) {
        if (!statement.matchesAction(request.action())) {
          continue;
        }
        for (PolicyString resource : statement.resourcePatterns()) {
          addMissing(resource, request.context(), missing);
        }
        for (Condition condition : statement.conditions()) {
          condition.values().forEach(v -> addMissing(v, request.context(), missing));
        }
      }
    }
    return missing;
  }

  private static void addMissing(PolicyString string, PolicyContext context, Set<String> out) {
    for (String name : string.variableNames()) {
      List<String> values = context.values(name);
      if (values == null || values.isEmpty()) {
        out.add("${" + name + "}");
      }
    }
  }
}
