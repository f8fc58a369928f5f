package dev.iotctl.cdk.fleet;

/** A fleet file that cannot be read: names the file, the key path and what is wrong. */
public class FleetFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FleetFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
