package dev.iotctl.cli.framework;

import dev.iotctl.core.error.IotException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns any exception that escapes a command into one error line (plus a hint) on stderr and a
 * named exit code. Stack traces only with {@code --debug}.
 */
final class ExecutionErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    Failure failure = Failure.of(ex);
    err.println(cmd.getColorScheme().errorText("error: " + failure.message()));
    if (failure.hint() != null) {
      err.println("hint: " + failure.hint());
    }
    if (debugRequested(parseResult)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return failure.exitCode();
  }

  static boolean debugRequested(ParseResult parseResult) {
    for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
      if (pr.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  /** What the user sees of an exception. */
  record Failure(int exitCode, String message, String hint) {
    static Failure of(Throwable ex) {
      if (ex instanceof CliException cli) {
        return new Failure(cli.exitCode(), cli.getMessage(), cli.hint());
      }
      if (ex instanceof IotException iot) {
        return aws(iot.errorCode(), iot.getMessage());
      }
      if (ex instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
        String code = aws.awsErrorDetails().errorCode();
        String message = aws.awsErrorDetails().errorMessage();
        return aws(
            code == null ? "HTTP " + aws.statusCode() : code,
            message == null ? aws.getMessage() : message);
      }
      if (ex instanceof SdkClientException client) {
        return new Failure(
            ExitCodes.UNREACHABLE,
            client.getMessage(),
            ErrorHints.forExitCode(ExitCodes.UNREACHABLE));
      }
      if (ex.getCause() != null && ex.getCause() != ex && !(ex instanceof CliException)) {
        Failure cause = of(ex.getCause());
        if (cause.exitCode() != ExitCodes.FAILURE) {
          return cause;
        }
      }
      String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
      return new Failure(
          ExitCodes.FAILURE, message, "run again with --debug to see the stack trace");
    }

    private static Failure aws(String errorCode, String message) {
      int exitCode = ExitCodes.forAwsErrorCode(errorCode);
      return new Failure(exitCode, errorCode + ": " + message, ErrorHints.forExitCode(exitCode));
    }
  }
}
