package dev.iotctl.core.topic;

/** The three Device Shadow operations, named as in their topics. */
public enum ShadowOperation {
  GET("get"),
  UPDATE("update"),
  DELETE("delete");

  private final String level;

  ShadowOperation(String level) {
    this.level = level;
  }

  /** The topic level, e.g. {@code update}. */
  public String level() {
    return level;
  }

  static ShadowOperation fromLevel(String level) {
    for (ShadowOperation op : values()) {
      if (op.level.equals(level)) {
        return op;
      }
    }
    return null;
  }
}
