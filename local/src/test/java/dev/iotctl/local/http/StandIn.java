package dev.iotctl.local.http;

import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.local.LocalIotCore;
import dev.iotctl.local.LocalIotCoreConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The assembled local IoT Core for tests ({@link LocalIotCore}: SQLite registry, CA, MQTT gateway
 * on TLS, shadow service) with the HTTP API plugged in, all on loopback, account 123456789012.
 */
public final class StandIn implements AutoCloseable {
  public static final String ACCOUNT_ID = "123456789012";

  public final LocalIotCore core;

  public StandIn(Path dataDir, HttpApiConfig config) {
    this(dataDir, config, false);
  }

  /** With {@code awsQuotas}, as {@code iotctl local up --quotas aws}. */
  public StandIn(Path dataDir, HttpApiConfig config, boolean awsQuotas) {
    core =
        LocalIotCore.start(
            new LocalIotCoreConfig(
                    dataDir, 0, 0, awsQuotas, "us-east-1", ACCOUNT_ID, null, Duration.ofMinutes(1))
                .withHttpApi(new LocalHttpApiFactory(config)));
  }

  /** The HTTP API's base URL ({@code --endpoint-url}). */
  public URI url() {
    return core.httpUrl().orElseThrow();
  }

  public CertificateAuthority ca() {
    return core.certificateAuthority();
  }

  /** The MQTT TLS port. */
  public int mqttPort() {
    return core.mqttPort();
  }

  @Override
  public void close() {
    core.close();
  }
}
