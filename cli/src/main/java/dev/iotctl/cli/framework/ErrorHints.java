package dev.iotctl.cli.framework;

/** What to do next, per exit code: printed under the error line. */
final class ErrorHints {
  private ErrorHints() {}

  static String forExitCode(int exitCode) {
    return switch (exitCode) {
      case ExitCodes.NOT_FOUND -> "check the name or id (list what exists with the 'list' command)";
      case ExitCodes.CONFLICT -> "read the current state again, then retry with its version";
      case ExitCodes.THROTTLED -> "retry later or lower --concurrency";
      case ExitCodes.UNAUTHORIZED -> "check your credentials (--profile) and IAM permissions";
      case ExitCodes.UNREACHABLE ->
          "check --endpoint-url/--region; for the stand-in run 'iotctl local up'";
      default -> null;
    };
  }
}
