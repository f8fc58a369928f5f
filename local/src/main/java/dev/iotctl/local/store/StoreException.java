package dev.iotctl.local.store;

/** The database failed (I/O, corruption, a bug in a statement): not a client error. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
