package dev.iotctl.local.http.server;

import java.util.Set;

/** The AWS IoT services the one server answers for, with the SigV4 signing names each accepts. */
public enum Plane {
  /** The {@code iot} control plane; AWS CLI and SDKs sign as {@code execute-api}. */
  CONTROL(Set.of("execute-api", "iot")),
  /**
   * The {@code iot-data} plane; clients sign as {@code iotdata} (older models: {@code
   * iotdevicegateway}).
   */
  DATA(Set.of("iotdata", "iotdevicegateway")),
  /**
   * The {@code iot-jobs-data} plane (the Jobs device API over HTTP), served under {@code
   * /jobs-data}; clients sign as {@code iot-jobs-data}.
   */
  JOBS_DATA(Set.of("iot-jobs-data")),
  /** Files behind the stand-in's pre-signed URLs (OTA payloads), signed like S3 URLs. */
  FILES(Set.of("s3"));

  private final Set<String> signingNames;

  Plane(Set<String> signingNames) {
    this.signingNames = signingNames;
  }

  /** SigV4 service names a request to this plane may be scoped to. */
  public Set<String> signingNames() {
    return signingNames;
  }
}
