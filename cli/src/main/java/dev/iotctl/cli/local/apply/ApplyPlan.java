package dev.iotctl.cli.local.apply;

import java.util.List;

/**
 * What applying one template will do, before any call: the supported resources in dependency order,
 * the resources skipped (with why), and the applied resources to remove (in removal order). Whether
 * an applied resource is unchanged, updated or replaced is decided while applying, once the
 * references it holds are resolved.
 */
public record ApplyPlan(
    Template template, List<Planned> apply, List<Skipped> skipped, List<AppliedResource> remove) {

  /**
   * A resource to create or reconcile.
   *
   * @param dependsOn the logical ids of this stack's applied resources it needs first
   */
  public record Planned(TemplateResource resource, ResourceKind kind, List<String> dependsOn) {}

  /** A resource local apply does not create (another service, or a false condition). */
  public record Skipped(String logicalId, String type, String reason) {}
}
