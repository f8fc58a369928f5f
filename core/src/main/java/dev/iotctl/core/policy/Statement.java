package dev.iotctl.core.policy;

import java.util.List;
import java.util.Locale;

/**
 * One parsed policy statement. Actions, resources and condition values are compiled once at parse
 * time; {@link #applies} only substitutes variables and matches.
 */
public final class Statement {
  private final int index;
  private final String sid;
  private final Effect effect;
  private final List<PolicyString> actions;
  private final boolean notAction;
  private final List<PolicyString> resources;
  private final boolean notResource;
  private final List<Condition> conditions;

  Statement(
      int index,
      String sid,
      Effect effect,
      List<PolicyString> actions,
      boolean notAction,
      List<PolicyString> resources,
      boolean notResource,
      List<Condition> conditions) {
    this.index = index;
    this.sid = sid;
    this.effect = effect;
    this.actions = List.copyOf(actions);
    this.notAction = notAction;
    this.resources = List.copyOf(resources);
    this.notResource = notResource;
    this.conditions = List.copyOf(conditions);
  }

  /** Zero-based position in the policy's {@code Statement} list. */
  public int index() {
    return index;
  }

  /** The {@code Sid}, or null. */
  public String sid() {
    return sid;
  }

  public Effect effect() {
    return effect;
  }

  /** The {@code Action} (or {@code NotAction}) entries as written. */
  public List<String> actions() {
    return actions.stream().map(PolicyString::raw).toList();
  }

  /** True if the statement uses {@code NotAction}. */
  public boolean notAction() {
    return notAction;
  }

  /** The {@code Resource} (or {@code NotResource}) entries as written. */
  public List<String> resources() {
    return resources.stream().map(PolicyString::raw).toList();
  }

  /** True if the statement uses {@code NotResource}. */
  public boolean notResource() {
    return notResource;
  }

  List<PolicyString> resourcePatterns() {
    return resources;
  }

  List<Condition> conditions() {
    return conditions;
  }

  /** True if action, resource and every condition match the request. */
  boolean applies(String action, String resource, PolicyContext context) {
    return matchesAction(action) && matchesResource(resource, context) && conditionsHold(context);
  }

  /** Action names are case-insensitive in AWS; the patterns were lower-cased at parse time. */
  boolean matchesAction(String action) {
    String lower = action.toLowerCase(Locale.ROOT);
    boolean any = false;
    for (PolicyString pattern : actions) {
      if (pattern.matches(lower, null, false)) {
        any = true;
        break;
      }
    }
    return any != notAction;
  }

  boolean matchesResource(String resource, PolicyContext context) {
    boolean any = false;
    for (PolicyString pattern : resources) {
      if (pattern.matches(resource, context, false)) {
        any = true;
        break;
      }
    }
    return any != notResource;
  }

  boolean conditionsHold(PolicyContext context) {
    for (Condition condition : conditions) {
      if (!condition.holds(context)) {
        return false;
      }
    }
    return true;
  }
}
