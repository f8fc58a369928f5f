package dev.iotctl.cli.framework;

/**
 * The one exception type that carries an exit code to the edge. Services throw it (or an {@code
 * IotException}, which the edge maps); the error handler prints {@code message} and {@code hint}
 * and exits with {@code exitCode}, with no stack trace unless {@code --debug}.
 */
public class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final String hint;

  public CliException(int exitCode, String message) {
    this(exitCode, message, null, null);
  }

  public CliException(int exitCode, String message, String hint) {
    this(exitCode, message, hint, null);
  }

  public CliException(int exitCode, String message, String hint, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.hint = hint;
  }

  public int exitCode() {
    return exitCode;
  }

  /** What the user can do next, or null. */
  public String hint() {
    return hint;
  }
}
