package dev.iotctl.cli.local.apply;

/**
 * What applying did to one resource.
 *
 * @param stackName the stack
 * @param logicalId the resource's logical id
 * @param type its CloudFormation type
 * @param action what happened
 * @param physicalId its physical id on the target (null for skipped resources)
 * @param reason why it was skipped or re-created, or null
 */
public record ResourceOutcome(
    String stackName,
    String logicalId,
    String type,
    Action action,
    String physicalId,
    String reason) {

  /** The result of applying a resource. */
  public enum Action {
    CREATED,
    UNCHANGED,
    UPDATED,
    REPLACED,
    REMOVED,
    SKIPPED;

    /** As printed: lower case, like CloudFormation's change-set actions read in prose. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
