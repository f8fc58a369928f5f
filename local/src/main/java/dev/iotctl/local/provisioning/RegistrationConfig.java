package dev.iotctl.local.provisioning;

import java.util.Optional;

/**
 * A CA certificate's just-in-time provisioning settings: a template body with the role AWS IoT
 * assumes, or the name of a JITP provisioning template.
 */
public record RegistrationConfig(
    Optional<String> templateBody, Optional<String> roleArn, Optional<String> templateName) {

  public boolean isEmpty() {
    return templateBody.isEmpty() && roleArn.isEmpty() && templateName.isEmpty();
  }
}
