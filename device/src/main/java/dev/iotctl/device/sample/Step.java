package dev.iotctl.device.sample;

import java.time.Instant;

/**
 * One thing the sample device did, for the console and for observers such as the CLI demo. Never
 * carries key material.
 */
public record Step(Instant time, Kind kind, String message) {
  /** What kind of step. */
  public enum Kind {
    CONNECTING,
    CONNECTED,
    CONNECTION_LOST,
    RECONNECTING,
    SUBSCRIBED,
    REPORTED,
    SHADOW_READ,
    DELTA_RECEIVED,
    APPLIED,
    IGNORED,
    TELEMETRY,
    /** A job started, finished or failed (firmware updates). */
    JOB,
    /** New firmware was installed. */
    INSTALLED,
    ERROR,
    STOPPED
  }

  /** The console line: {@code <time> <KIND> <message>}. */
  public String line() {
    return time + " " + kind + " " + message;
  }
}
