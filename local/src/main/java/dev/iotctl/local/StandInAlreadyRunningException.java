package dev.iotctl.local;

import java.nio.file.Path;

/** A second stand-in was asked to start on a data directory another one is using. */
public final class StandInAlreadyRunningException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final long pid;
  private final transient Path dataDir;

  StandInAlreadyRunningException(long pid, Path dataDir) {
    super("already running (pid " + (pid > 0 ? pid : "unknown") + ") on " + dataDir);
    this.pid = pid;
    this.dataDir = dataDir;
  }

  /** The process holding the directory, or 0 when it could not be read. */
  public long pid() {
    return pid;
  }

  public Path dataDir() {
    return dataDir;
  }
}
