package dev.iotctl.core.topic;

/** What follows the operation in a shadow topic; {@code NONE} is the request topic itself. */
public enum ShadowTopicSuffix {
  NONE(null),
  ACCEPTED("accepted"),
  REJECTED("rejected"),
  DELTA("delta"),
  DOCUMENTS("documents");

  private final String level;

  ShadowTopicSuffix(String level) {
    this.level = level;
  }

  /** The topic level, or null for {@code NONE}. */
  public String level() {
    return level;
  }

  /** {@code /delta} and {@code /documents} exist only for {@code update}. */
  public boolean appliesTo(ShadowOperation operation) {
    return operation == ShadowOperation.UPDATE || (this != DELTA && this != DOCUMENTS);
  }

  static ShadowTopicSuffix fromLevel(String level) {
    for (ShadowTopicSuffix suffix : values()) {
      if (level.equals(suffix.level)) {
        return suffix;
      }
    }
    return null;
  }
}
