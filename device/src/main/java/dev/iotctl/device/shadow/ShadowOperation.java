package dev.iotctl.device.shadow;

/** The three shadow requests a device can publish, named as their topic segment. */
public enum ShadowOperation {
  GET("get"),
  UPDATE("update"),
  DELETE("delete");

  private final String topicSegment;

  ShadowOperation(String topicSegment) {
    this.topicSegment = topicSegment;
  }

  public String topicSegment() {
    return topicSegment;
  }
}
