package dev.iotctl.cli.certs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.framework.Json;
import java.nio.file.Path;

/** What {@code certs issue} did for one device. */
public record IssueResult(
    String device, Outcome outcome, String certificateId, String certificateArn, Path bundleDir) {

  public enum Outcome {
    /** A new certificate was created, attached and written. */
    ISSUED,
    /** The device already had a bundle with an ACTIVE certificate: nothing changed. */
    ALREADY_ISSUED,
    /** A certificate created before a crash was found by its public key and completed. */
    RECOVERED
  }

  public JsonNode toJson() {
    return Json.MAPPER
        .createObjectNode()
        .put("device", device)
        .put("outcome", outcome.name())
        .put("certificateId", certificateId)
        .put("certificateArn", certificateArn)
        .put("bundleDir", bundleDir.toString());
  }
}
