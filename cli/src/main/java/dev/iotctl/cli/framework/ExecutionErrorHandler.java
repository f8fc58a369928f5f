package dev.iotctl.cli.framework;

import dev.iotctl.core.error.IotException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
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
    boolean debug = debugRequested(parseResult);
    Failure failure = Failure.of(ex);
    err.println(cmd.getColorScheme().errorText("error: " + failure.message()));
    if (debug) {
      ex.printStackTrace(err);
    } else if (failure.hint() != null) {
      err.println("hint: " + failure.hint());
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
    private static final String DEBUG_HINT = "run again with --debug to see the stack trace";

    Failure {
      message = withoutErrorPrefix(message);
    }

    static Failure of(Throwable ex) {
      CliException cli = find(ex, CliException.class);
      if (cli != null) {
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
      Failure file = fileProblem(ex);
      if (file != null) {
        return file;
      }
      if (ex instanceof SdkClientException client) {
        return new Failure(
            ExitCodes.UNREACHABLE,
            client.getMessage(),
            ErrorHints.forExitCode(ExitCodes.UNREACHABLE));
      }
      if (ex.getCause() != null && ex.getCause() != ex) {
        Failure cause = of(ex.getCause());
        if (cause.exitCode() != ExitCodes.FAILURE) {
          return cause;
        }
      }
      String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
      return new Failure(ExitCodes.FAILURE, message, DEBUG_HINT);
    }

    /** A file the user named that cannot be used: a usage error that names the file. */
    private static Failure fileProblem(Throwable ex) {
      for (Throwable t = ex; t != null; t = t.getCause()) {
        if (t instanceof NoSuchFileException e) {
          return new Failure(ExitCodes.USAGE, "no such file: " + e.getFile(), null);
        }
        if (t instanceof AccessDeniedException e) {
          return new Failure(ExitCodes.USAGE, "permission denied: " + e.getFile(), null);
        }
        if (t instanceof NotDirectoryException e) {
          return new Failure(ExitCodes.USAGE, "not a directory: " + e.getFile(), null);
        }
        if (t instanceof FileAlreadyExistsException e) {
          return new Failure(ExitCodes.USAGE, "already exists: " + e.getFile(), null);
        }
        if (t == t.getCause()) {
          break;
        }
      }
      return null;
    }

    private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
      for (Throwable t = ex; t != null; t = t.getCause()) {
        if (type.isInstance(t)) {
          return type.cast(t);
        }
        if (t == t.getCause()) {
          break;
        }
      }
      return null;
    }

    private static Failure aws(String errorCode, String message) {
      int exitCode = ExitCodes.forAwsErrorCode(errorCode);
      return new Failure(
          exitCode, errorCode + ": " + message, ErrorHints.forAwsError(errorCode, exitCode));
    }

    /** "error: Error: x" reads badly: messages that already say so lose their prefix. */
    private static String withoutErrorPrefix(String message) {
      String m = message == null ? "" : message.strip();
      while (m.toLowerCase(Locale.ROOT).startsWith("error:")) {
        m = m.substring("error:".length()).strip();
      }
      return m;
    }
  }
}
