package dev.iotctl.core.provisioning;

import dev.iotctl.core.error.IotException;

/** The errors of template parsing and evaluation, as AWS IoT's control plane reports them. */
final class TemplateErrors {
  private TemplateErrors() {}

  /** A template body that is not a valid provisioning template (400 InvalidRequestException). */
  static IotException invalid(String detail) {
    return IotException.invalidRequest("The provisioning template is not valid: " + detail);
  }

  /**
   * A template that cannot be evaluated with the given parameters (400 InvalidRequestException).
   */
  static IotException unresolvable(String detail) {
    return IotException.invalidRequest("The provisioning template cannot be resolved: " + detail);
  }
}
