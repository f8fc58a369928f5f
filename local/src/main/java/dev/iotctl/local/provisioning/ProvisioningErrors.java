package dev.iotctl.local.provisioning;

import dev.iotctl.core.error.IotException;

/** AWS IoT's error codes and statuses for CA certificates, templates and registration tasks. */
final class ProvisioningErrors {
  private ProvisioningErrors() {}

  static IotException invalid(String message) {
    return IotException.invalidRequest(message);
  }

  static IotException notFound(String message) {
    return IotException.notFound(message);
  }

  static IotException alreadyExists(String message) {
    return new IotException("ResourceAlreadyExistsException", 409, message);
  }

  static IotException certificateValidation(String message) {
    return new IotException("CertificateValidationException", 400, message);
  }

  static IotException registrationCode(String message) {
    return new IotException("RegistrationCodeValidationException", 400, message);
  }

  static IotException certificateState(String message) {
    return new IotException("CertificateStateException", 406, message);
  }

  static IotException limitExceeded(String message) {
    return new IotException("LimitExceededException", 410, message);
  }

  static IotException deleteConflict(String message) {
    return new IotException("DeleteConflictException", 409, message);
  }

  static IotException versionsLimit(String message) {
    return new IotException("VersionsLimitExceededException", 409, message);
  }

  static IotException conflictingUpdate(String message) {
    return new IotException("ConflictingResourceUpdateException", 409, message);
  }

  static IotException registrationFailure(String message) {
    return new IotException("ResourceRegistrationFailureException", 400, message);
  }
}
