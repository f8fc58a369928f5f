package dev.iotctl.device.sample;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Fleet provisioning by claim for the sample device: the claim certificate and key the factory put
 * on the device, the provisioning template to register with and its parameters.
 */
public record ClaimSettings(
    String templateName, Path claimCertificate, Path claimKey, Map<String, String> parameters) {
  public ClaimSettings {
    Objects.requireNonNull(templateName, "templateName");
    Objects.requireNonNull(claimCertificate, "claimCertificate");
    Objects.requireNonNull(claimKey, "claimKey");
    parameters = Map.copyOf(parameters);
  }
}
