package dev.iotctl.local.http.server;

import java.util.Set;

/**
 * The two AWS IoT services the one server answers for, with the SigV4 signing names each accepts.
 */
public enum Plane {
  /** The {@code iot} control plane; AWS CLI and SDKs sign as {@code execute-api}. */
  CONTROL(Set.of("execute-api", "iot")),
  /**
   * The {@code iot-data} plane; clients sign as {@code iotdata} (older models: {@code
   * iotdevicegateway}).
   */
  DATA(Set.of("iotdata", "iotdevicegateway"));

  private final Set<String> signingNames;

  Plane(Set<String> signingNames) {
    this.signingNames = signingNames;
  }

  /** SigV4 service names a request to this plane may be scoped to. */
  public Set<String> signingNames() {
    return signingNames;
  }
}
