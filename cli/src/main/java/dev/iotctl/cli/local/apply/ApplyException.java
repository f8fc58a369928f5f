package dev.iotctl.cli.local.apply;

/**
 * A template that cannot be read, resolved or ordered; the message names the stack and resource.
 */
public final class ApplyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ApplyException(String message) {
    super(message);
  }

  public ApplyException(String message, Throwable cause) {
    super(message, cause);
  }
}
