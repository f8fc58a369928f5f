package dev.iotctl.local.registry;

import dev.iotctl.core.error.IotException;

/** AWS IoT's error codes and HTTP statuses used by the registry. */
final class Errors {
  private Errors() {}

  static IotException invalid(String message) {
    return IotException.invalidRequest(message);
  }

  static IotException notFound(String message) {
    return IotException.notFound(message);
  }

  static IotException alreadyExists(String message) {
    return new IotException("ResourceAlreadyExistsException", 409, message);
  }

  static IotException versionConflict(String message) {
    return new IotException("VersionConflictException", 409, message);
  }

  static IotException deleteConflict(String message) {
    return new IotException("DeleteConflictException", 409, message);
  }

  static IotException certificateState(String message) {
    return new IotException("CertificateStateException", 406, message);
  }

  static IotException versionsLimit(String message) {
    return new IotException("VersionsLimitExceededException", 409, message);
  }

  static IotException limitExceeded(String message) {
    return new IotException("LimitExceededException", 410, message);
  }
}
