package dev.iotctl.cli.framework;

/** What to do next, per AWS error code (or else per exit code): printed under the error line. */
final class ErrorHints {
  private ErrorHints() {}

  static String forAwsError(String errorCode, int exitCode) {
    if (errorCode != null) {
      String hint =
          switch (errorCode) {
            case "ResourceAlreadyExistsException" ->
                "it exists already: use it as it is, or delete it first";
            case "DeleteConflictException" ->
                "something still uses it: detach it (policies, principals) or delete what uses it"
                    + " first";
            case "VersionConflictException", "ConflictException" ->
                "read the current state again, then retry with its version";
            case "CertificateStateException" ->
                "the certificate's status does not allow this (e.g. it is REVOKED or still"
                    + " ACTIVE); check it with 'iotctl certs describe'";
            default -> null;
          };
      if (hint != null) {
        return hint;
      }
    }
    return forExitCode(exitCode);
  }

  static String forExitCode(int exitCode) {
    return switch (exitCode) {
      case ExitCodes.NOT_FOUND -> "check the name or id (list what exists with the 'list' command)";
      case ExitCodes.THROTTLED -> "retry later or lower --concurrency";
      case ExitCodes.UNAUTHORIZED -> "check your credentials (--profile) and IAM permissions";
      case ExitCodes.UNREACHABLE ->
          "check --endpoint-url/--region; for the stand-in run 'iotctl local up'";
      default -> null;
    };
  }
}
