package dev.iotctl.local.registry;

/**
 * Told about registry changes that matter to live connections, after they commit, on the thread
 * that made them. Implementations must be quick and must not throw; every method has a no-op
 * default.
 */
public interface RegistryListener {
  /** A certificate's status changed (e.g. ACTIVE to INACTIVE or REVOKED). */
  default void certificateStatusChanged(String certificateId, CertificateStatus newStatus) {}

  /** A certificate was deleted. */
  default void certificateDeleted(String certificateId) {}

  /** A policy was attached to or detached from the target (a certificate or thing group ARN). */
  default void policyAttachmentChanged(String targetArn) {}

  /** A policy's default version changed or the policy was deleted: its effect may differ. */
  default void policyVersionChanged(String policyName) {}

  /** A principal (a certificate ARN) was attached to or detached from a thing. */
  default void thingPrincipalChanged(String thingName, String principalArn) {}

  /** A thing's type, attributes or group memberships changed, or it was deleted. */
  default void thingChanged(String thingName) {}

  /** A topic rule was created, replaced, deleted, enabled or disabled. */
  default void topicRuleChanged(String ruleName) {}
}
