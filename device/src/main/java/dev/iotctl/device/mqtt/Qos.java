package dev.iotctl.device.mqtt;

/** MQTT quality of service levels AWS IoT Core supports (it has no QoS 2). */
public enum Qos {
  AT_MOST_ONCE(0),
  AT_LEAST_ONCE(1);

  private final int level;

  Qos(int level) {
    this.level = level;
  }

  /** The MQTT wire value. */
  public int level() {
    return level;
  }
}
