package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * Applies templates to a target through the IoT API, one stack at a time in import order: creates
 * what is new, updates or replaces what changed, leaves the rest, then removes what the template no
 * longer has. The stack's {@link AppliedState} is saved after every change.
 */
public final class ApplyExecutor {
  private final IotClient iot;
  private final PseudoParameters target;
  private final Path dataDir;
  private final ApplyPlanner planner;
  private final Map<String, String> exports = new HashMap<>();
  private final Map<String, String> unavailableExports = new HashMap<>();

  /**
   * @param iot the client for the target (the stand-in)
   * @param target the target's region and account, for pseudo parameters
   * @param dataDir where {@code applied/<Stack>.json} files live
   */
  public ApplyExecutor(IotClient iot, PseudoParameters target, Path dataDir) {
    this.iot = iot;
    this.target = target;
    this.dataDir = dataDir;
    this.planner = new ApplyPlanner(target);
  }

  /**
   * Applies the templates, ordered so that exporters come before importers.
   *
   * @throws ApplyException naming the stack and resource that failed; what was done before is in
   *     the state files, so applying again continues from there
   */
  public ApplySummary apply(List<Template> templates) {
    exports.putAll(AppliedState.allExports(dataDir));
    List<ResourceOutcome> outcomes = new ArrayList<>();
    for (Template template : planner.orderStacks(templates)) {
      outcomes.addAll(new StackRun(template).run());
    }
    return new ApplySummary(outcomes);
  }

  /** One stack's apply. */
  private final class StackRun implements IntrinsicResolver.Lookup {
    private final Template template;
    private final String stack;
    private final AppliedState state;
    private final ApplyPlan plan;
    private final IntrinsicResolver resolver;
    private final Map<ResourceKind, ResourceHandler> handlers;
    private final Set<String> recreated = new HashSet<>();
    private final List<AppliedResource> removals;
    private final List<ResourceOutcome> outcomes = new ArrayList<>();

    StackRun(Template template) {
      this.template = template;
      this.stack = template.stackName();
      this.state = AppliedState.load(dataDir, stack);
      this.plan = planner.plan(template, state);
      this.resolver = new IntrinsicResolver(template, target, this);
      this.handlers = handlers(stack);
      this.removals = new ArrayList<>(plan.remove());
    }

    List<ResourceOutcome> run() {
      for (ApplyPlan.Planned planned : plan.apply()) {
        try {
          apply(planned);
        } catch (ApplyException | SdkException e) {
          throw failure(planned.resource().logicalId(), planned.resource().type(), e);
        }
      }
      for (AppliedResource gone : ApplyPlanner.removalOrder(removals)) {
        try {
          handlers.get(gone.kind()).delete(gone);
        } catch (SdkException e) {
          throw failure(gone.logicalId(), gone.type(), e);
        }
        boolean retired = state.retired().contains(gone);
        if (retired) {
          state.forgetRetired(gone);
        } else {
          state.remove(gone.logicalId());
          outcomes.add(
              outcome(
                  gone.logicalId(),
                  gone.type(),
                  ResourceOutcome.Action.REMOVED,
                  gone.physicalId(),
                  null));
        }
        state.save(dataDir);
      }
      for (ApplyPlan.Skipped s : plan.skipped()) {
        outcomes.add(
            outcome(s.logicalId(), s.type(), ResourceOutcome.Action.SKIPPED, null, s.reason()));
      }
      state.replaceExports(resolveExports());
      state.save(dataDir);
      exports.putAll(state.exports());
      return outcomes;
    }

    private void apply(ApplyPlan.Planned planned) {
      TemplateResource resource = planned.resource();
      ResourceKind kind = planned.kind();
      ResourceHandler handler = handlers.get(kind);
      JsonNode properties = resolveProperties(resource);
      String name = kind.physicalName(stack, resource.logicalId(), properties);
      AppliedResource prior = state.resources().get(resource.logicalId());
      if (prior != null && !prior.type().equals(resource.type())) {
        prior = null; // planned for removal
      }
      if (prior == null) {
        create(planned, handler, name, properties, ResourceOutcome.Action.CREATED, null);
        return;
      }
      boolean dependencyRecreated = planned.dependsOn().stream().anyMatch(recreated::contains);
      switch (kind.decide(prior.properties(), properties)) {
        case UNCHANGED -> {
          if (kind == ResourceKind.THING_BINDINGS && dependencyRecreated) {
            handler.create(name, properties);
            record(planned, prior.physicalId(), prior.attributes(), properties);
            outcomes.add(
                outcome(
                    resource.logicalId(),
                    resource.type(),
                    ResourceOutcome.Action.UPDATED,
                    prior.physicalId(),
                    "re-applied to re-created things"));
          } else if (handler.exists(prior)) {
            outcomes.add(
                outcome(
                    resource.logicalId(),
                    resource.type(),
                    ResourceOutcome.Action.UNCHANGED,
                    prior.physicalId(),
                    null));
          } else {
            create(
                planned,
                handler,
                name,
                properties,
                ResourceOutcome.Action.CREATED,
                "was missing on the target");
          }
        }
        case UPDATE -> {
          if (handler.exists(prior)) {
            handler.update(prior, properties);
            record(planned, prior.physicalId(), prior.attributes(), properties);
            outcomes.add(
                outcome(
                    resource.logicalId(),
                    resource.type(),
                    ResourceOutcome.Action.UPDATED,
                    prior.physicalId(),
                    null));
          } else {
            create(
                planned,
                handler,
                name,
                properties,
                ResourceOutcome.Action.CREATED,
                "was missing on the target");
          }
        }
        case REPLACE -> {
          if (prior.physicalId().equals(name)) {
            // Same name: the old one must go before the new one can exist.
            handler.delete(prior);
            state.remove(prior.logicalId());
            state.save(dataDir);
          } else {
            // New identity: create first, delete the old one with this stack's removals.
            state.retire(prior);
            removals.add(prior);
          }
          create(planned, handler, name, properties, ResourceOutcome.Action.REPLACED, null);
        }
      }
    }

    private void create(
        ApplyPlan.Planned planned,
        ResourceHandler handler,
        String name,
        JsonNode properties,
        ResourceOutcome.Action action,
        String reason) {
      ResourceHandler.Physical created = handler.create(name, properties);
      record(planned, created.id(), created.attributes(), properties);
      recreated.add(planned.resource().logicalId());
      outcomes.add(
          outcome(
              planned.resource().logicalId(),
              planned.resource().type(),
              action,
              created.id(),
              reason));
    }

    private void record(
        ApplyPlan.Planned planned,
        String physicalId,
        Map<String, String> attributes,
        JsonNode properties) {
      state.put(
          new AppliedResource(
              planned.resource().logicalId(),
              planned.resource().type(),
              physicalId,
              attributes,
              properties,
              planned.dependsOn()));
      state.save(dataDir);
    }

    private JsonNode resolveProperties(TemplateResource resource) {
      JsonNode properties = resource.properties();
      if (ResourceKind.of(resource.type()).map(ResourceKind::isCustom).orElse(false)) {
        // The Lambda that applies it in AWS; locally the same handler runs here.
        properties = ((ObjectNode) properties.deepCopy()).without("ServiceToken");
      }
      return resolver.resolve(properties);
    }

    private Map<String, String> resolveExports() {
      Map<String, String> resolved = new TreeMap<>();
      for (Template.Export export : template.exports()) {
        String name = resolver.resolveString(export.name(), "Export name of " + export.outputId());
        try {
          resolved.put(name, resolver.resolveString(export.value(), "Output " + export.outputId()));
          unavailableExports.remove(name);
        } catch (ApplyException e) {
          unavailableExports.put(name, e.getMessage());
        }
      }
      return resolved;
    }

    @Override
    public String ref(String logicalId) {
      AppliedResource applied = state.resources().get(logicalId);
      if (applied != null && isPlanned(logicalId)) {
        return applied.physicalId();
      }
      TemplateResource resource = template.resources().get(logicalId);
      if (ResourceKind.of(resource.type()).isEmpty()) {
        return placeholderName(logicalId);
      }
      throw new ApplyException(
          "Ref " + logicalId + ": it was not applied (skipped: " + skipReason(logicalId) + ")");
    }

    @Override
    public String getAtt(String logicalId, String attribute) {
      AppliedResource applied = state.resources().get(logicalId);
      if (applied != null && isPlanned(logicalId)) {
        String value = applied.attributes().get(attribute);
        if (value == null) {
          throw new ApplyException(
              "Fn::GetAtt "
                  + logicalId
                  + "."
                  + attribute
                  + ": "
                  + applied.type()
                  + " has no such attribute here");
        }
        return value;
      }
      TemplateResource resource = template.resources().get(logicalId);
      if (ResourceKind.of(resource.type()).isEmpty() && attribute.equals("Arn")) {
        return placeholderArn(resource.type(), placeholderName(logicalId));
      }
      throw new ApplyException(
          "Fn::GetAtt "
              + logicalId
              + "."
              + attribute
              + ": not known locally for "
              + resource.type());
    }

    @Override
    public String importValue(String exportName) {
      String value = exports.get(exportName);
      if (value != null) {
        return value;
      }
      String why = unavailableExports.get(exportName);
      throw new ApplyException(
          "Fn::ImportValue "
              + exportName
              + (why != null
                  ? ": the export could not be resolved: " + why
                  : ": no applied stack exports it (pass the exporting template too)"));
    }

    private boolean isPlanned(String logicalId) {
      return plan.apply().stream().anyMatch(p -> p.resource().logicalId().equals(logicalId));
    }

    private String skipReason(String logicalId) {
      return plan.skipped().stream()
          .filter(s -> s.logicalId().equals(logicalId))
          .map(ApplyPlan.Skipped::reason)
          .findFirst()
          .orElse("not applied yet");
    }

    /** The name CloudFormation would generate for a resource of another service. */
    private String placeholderName(String logicalId) {
      return stack + "-" + logicalId;
    }

    /**
     * An ARN of the right shape for a skipped resource, so IoT resources referring to it resolve.
     */
    private String placeholderArn(String type, String name) {
      String[] parts = type.split("::");
      String service = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "unknown";
      String kind = parts.length > 2 ? parts[2].toLowerCase(Locale.ROOT) : "resource";
      return switch (type) {
        case "AWS::IAM::Role" ->
            "arn:%s:iam::%s:role/%s".formatted(target.partition(), target.accountId(), name);
        case "AWS::Lambda::Function" ->
            "arn:%s:lambda:%s:%s:function:%s"
                .formatted(target.partition(), target.region(), target.accountId(), name);
        default ->
            "arn:%s:%s:%s:%s:%s/%s"
                .formatted(
                    target.partition(), service, target.region(), target.accountId(), kind, name);
      };
    }

    private ResourceOutcome outcome(
        String logicalId,
        String type,
        ResourceOutcome.Action action,
        String physicalId,
        String reason) {
      return new ResourceOutcome(stack, logicalId, type, action, physicalId, reason);
    }

    private ApplyException failure(String logicalId, String type, Exception e) {
      state.save(dataDir);
      return new ApplyException(stack + "/" + logicalId + " (" + type + "): " + e.getMessage(), e);
    }
  }

  private Map<ResourceKind, ResourceHandler> handlers(String stackName) {
    Map<ResourceKind, ResourceHandler> handlers = new EnumMap<>(ResourceKind.class);
    handlers.put(ResourceKind.THING_TYPE, new ThingTypeHandler(iot));
    handlers.put(ResourceKind.THING_GROUP, new ThingGroupHandler(iot));
    handlers.put(ResourceKind.POLICY, new PolicyHandler(iot));
    handlers.put(ResourceKind.CERTIFICATE, new CertificateHandler(iot));
    handlers.put(ResourceKind.THING, new ThingHandler(iot));
    handlers.put(ResourceKind.TOPIC_RULE, new TopicRuleHandler(iot, target));
    for (ResourceKind kind : List.of(ResourceKind.THING_BINDINGS, ResourceKind.REMOVAL_GUARD)) {
      handlers.put(
          kind,
          new CustomResourceHandler(
              kind.cfnType(),
              stackName,
              iot.serviceClientConfiguration().endpointOverride(),
              target.region(),
              CustomResourceHandler.interpreter(System.getenv())));
    }
    handlers.put(ResourceKind.THING_PRINCIPAL_ATTACHMENT, new ThingPrincipalAttachmentHandler(iot));
    handlers.put(
        ResourceKind.POLICY_PRINCIPAL_ATTACHMENT, new PolicyPrincipalAttachmentHandler(iot));
    return handlers;
  }
}
