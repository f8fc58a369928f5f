package dev.iotctl.cli.framework;

import dev.iotctl.core.error.IotException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

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
        return new Failure(
            ExitCodes.forAwsErrorCode(iot.errorCode()),
            iot.errorCode() + ": " + iot.getMessage(),
            null);
      }
      String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
      return new Failure(
          ExitCodes.FAILURE, message, "run again with --debug to see the stack trace");
    }
  }
}
