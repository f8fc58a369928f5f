package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/** Plans an apply without calling anything: ordering, skipping and removal. */
public final class ApplyPlanner {
  private final PseudoParameters pseudo;

  public ApplyPlanner(PseudoParameters pseudo) {
    this.pseudo = pseudo;
  }

  /** Plans {@code template} against what was applied for its stack before. */
  public ApplyPlan plan(Template template, AppliedState applied) {
    IntrinsicResolver resolver = staticResolver(template);
    List<ApplyPlan.Skipped> skipped = new ArrayList<>();
    Map<String, TemplateResource> supported = new LinkedHashMap<>();
    for (TemplateResource r : template.resources().values()) {
      Optional<ResourceKind> kind = ResourceKind.of(r.type());
      if (kind.isEmpty()) {
        skipped.add(new ApplyPlan.Skipped(r.logicalId(), r.type(), "not an IoT resource"));
      } else if (r.condition() != null && !resolver.condition(r.condition())) {
        skipped.add(
            new ApplyPlan.Skipped(
                r.logicalId(), r.type(), "condition " + r.condition() + " is false"));
      } else {
        supported.put(r.logicalId(), r);
      }
    }
    List<ApplyPlan.Planned> ordered = dependencyOrder(template, supported);
    List<AppliedResource> gone = new ArrayList<>(applied.retired());
    for (AppliedResource r : applied.resources().values()) {
      TemplateResource now = supported.get(r.logicalId());
      if (now == null || !now.type().equals(r.type())) {
        gone.add(r);
      }
    }
    return new ApplyPlan(template, ordered, skipped, removalOrder(gone));
  }

  /**
   * Orders templates so that a stack comes after the stacks whose exports it imports and the stacks
   * its cloud assembly says it depends on. Imports of exports no given template defines are left to
   * the applied state of earlier runs.
   */
  public List<Template> orderStacks(List<Template> templates) {
    Map<String, Template> exporter = new HashMap<>();
    for (Template t : templates) {
      IntrinsicResolver resolver = staticResolver(t);
      for (Template.Export e : t.exports()) {
        exporter.put(resolver.resolveString(e.name(), t.stackName() + " export name"), t);
      }
    }
    Map<Template, Set<Template>> needs = new LinkedHashMap<>();
    for (Template t : templates) {
      Set<Template> required = new LinkedHashSet<>();
      for (String stack : t.dependsOn()) {
        templates.stream()
            .filter(other -> other.stackName().equals(stack) && other != t)
            .forEach(required::add);
      }
      IntrinsicResolver resolver = staticResolver(t);
      for (TemplateResource r : t.resources().values()) {
        for (JsonNode name : imports(r.properties(), new ArrayList<>())) {
          Template from = exporter.get(resolver.resolveString(name, "Fn::ImportValue"));
          if (from != null && from != t) {
            required.add(from);
          }
        }
      }
      needs.put(t, required);
    }
    List<Template> ordered = new ArrayList<>();
    Set<Template> visiting = new HashSet<>();
    for (Template t : templates) {
      visit(t, needs, visiting, ordered);
    }
    return ordered;
  }

  private static void visit(
      Template t, Map<Template, Set<Template>> needs, Set<Template> visiting, List<Template> out) {
    if (out.contains(t)) {
      return;
    }
    if (!visiting.add(t)) {
      throw new ApplyException("stacks depend on each other in a cycle: " + t.stackName());
    }
    for (Template required : needs.get(t)) {
      visit(required, needs, visiting, out);
    }
    visiting.remove(t);
    out.add(t);
  }

  private static List<JsonNode> imports(JsonNode value, List<JsonNode> found) {
    if (value.isObject() && value.size() == 1 && value.has("Fn::ImportValue")) {
      found.add(value.get("Fn::ImportValue"));
    } else if (value.isContainerNode()) {
      value.elements().forEachRemaining(v -> imports(v, found));
    }
    return found;
  }

  /**
   * Removal order: a resource goes before the resources it referred to; among those free to go,
   * attachments first, thing types last ({@link ResourceKind#removalRank()}).
   */
  static List<AppliedResource> removalOrder(Collection<AppliedResource> resources) {
    Map<String, AppliedResource> byId = new LinkedHashMap<>();
    resources.forEach(r -> byId.put(r.logicalId() + "/" + r.physicalId(), r));
    Map<String, Integer> dependents = new HashMap<>();
    byId.keySet().forEach(k -> dependents.put(k, 0));
    for (AppliedResource r : byId.values()) {
      for (String key : keysOf(byId, r.dependsOn())) {
        dependents.merge(key, 1, Integer::sum);
      }
    }
    PriorityQueue<AppliedResource> ready =
        new PriorityQueue<>(Comparator.comparingInt((AppliedResource r) -> r.kind().removalRank()));
    byId.forEach(
        (k, r) -> {
          if (dependents.get(k) == 0) {
            ready.add(r);
          }
        });
    List<AppliedResource> ordered = new ArrayList<>();
    while (!ready.isEmpty()) {
      AppliedResource r = ready.poll();
      ordered.add(r);
      for (String key : keysOf(byId, r.dependsOn())) {
        if (dependents.merge(key, -1, Integer::sum) == 0) {
          ready.add(byId.get(key));
        }
      }
    }
    // Dependency cycles cannot come from an applied (acyclic) template; keep the rest by rank.
    byId.values().stream()
        .filter(r -> !ordered.contains(r))
        .sorted(Comparator.comparingInt(r -> r.kind().removalRank()))
        .forEach(ordered::add);
    return ordered;
  }

  private static List<String> keysOf(Map<String, AppliedResource> byId, List<String> logicalIds) {
    List<String> keys = new ArrayList<>();
    for (String key : byId.keySet()) {
      if (logicalIds.contains(key.substring(0, key.indexOf('/')))) {
        keys.add(key);
      }
    }
    return keys;
  }

  private List<ApplyPlan.Planned> dependencyOrder(
      Template template, Map<String, TemplateResource> supported) {
    Map<String, List<String>> deps = new LinkedHashMap<>();
    for (TemplateResource r : supported.values()) {
      Set<String> refs =
          new LinkedHashSet<>(IntrinsicResolver.references(r.properties(), supported.keySet()));
      r.dependsOn().stream().filter(supported::containsKey).forEach(refs::add);
      if (r.type().equals(ResourceKind.THING_BINDINGS.cfnType())) {
        // Its Things map names things literally; they must exist before types and groups are set.
        supported.values().stream()
            .filter(t -> t.type().equals(ResourceKind.THING.cfnType()))
            .forEach(t -> refs.add(t.logicalId()));
      }
      refs.remove(r.logicalId());
      deps.put(r.logicalId(), List.copyOf(refs));
    }
    List<ApplyPlan.Planned> ordered = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Deque<String> path = new ArrayDeque<>();
    for (String id : supported.keySet()) {
      place(id, supported, deps, done, path, ordered);
    }
    return ordered;
  }

  private static void place(
      String id,
      Map<String, TemplateResource> supported,
      Map<String, List<String>> deps,
      Set<String> done,
      Deque<String> path,
      List<ApplyPlan.Planned> out) {
    if (done.contains(id)) {
      return;
    }
    if (path.contains(id)) {
      throw new ApplyException("circular dependency between resources: " + path + " -> " + id);
    }
    path.push(id);
    for (String dep : deps.get(id)) {
      place(dep, supported, deps, done, path, out);
    }
    path.pop();
    done.add(id);
    TemplateResource r = supported.get(id);
    out.add(new ApplyPlan.Planned(r, ResourceKind.of(r.type()).orElseThrow(), deps.get(id)));
  }

  /** A resolver for what is known before applying: pseudo parameters, parameters, conditions. */
  private IntrinsicResolver staticResolver(Template template) {
    return new IntrinsicResolver(
        template,
        pseudo,
        new IntrinsicResolver.Lookup() {
          @Override
          public String ref(String logicalId) {
            throw new ApplyException("Ref " + logicalId + " is not known before applying");
          }

          @Override
          public String getAtt(String logicalId, String attribute) {
            throw new ApplyException(
                "Fn::GetAtt " + logicalId + "." + attribute + " is not known before applying");
          }

          @Override
          public String importValue(String exportName) {
            throw new ApplyException("Fn::ImportValue " + exportName + " is not known here");
          }
        });
  }
}
