package dev.iotctl.local;

import java.io.IOException;
import java.net.URI;

/**
 * Starts the HTTP API (control and data plane) over a started {@link LocalIotCore}: its {@link
 * LocalIotCore#registry()}, {@link LocalIotCore#shadowService()}, {@link LocalIotCore#gateway()}
 * (for Publish) and {@link LocalIotCore#config()} ({@code httpPort}, {@code awsQuotas}). Bind
 * 127.0.0.1 only.
 */
@FunctionalInterface
public interface HttpApiFactory {

  /** Starts the server; the core closes it before its own parts. */
  RunningHttpApi start(LocalIotCore core) throws IOException;

  /** A started HTTP API. */
  interface RunningHttpApi extends AutoCloseable {
    /** The base URL, e.g. {@code http://127.0.0.1:45678}. */
    URI url();

    @Override
    void close();
  }
}
