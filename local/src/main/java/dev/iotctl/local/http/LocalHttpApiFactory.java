package dev.iotctl.local.http;

import dev.iotctl.local.HttpApiFactory;
import dev.iotctl.local.LocalIotCore;
import dev.iotctl.local.LocalIotCoreConfig;
import dev.iotctl.local.http.quota.QuotaMode;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.registry.RegistryConfig;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Plugs the HTTP API into {@link LocalIotCore}: port and quota mode from the core's config ({@code
 * httpPort}, {@code awsQuotas}), operations over its registry, CA, shadow service and gateway.
 * DescribeEndpoint answers {@code 127.0.0.1}, where the core's broker listens.
 */
public final class LocalHttpApiFactory implements HttpApiFactory {
  private final HttpApiConfig base;

  /** Loopback, signatures required. */
  public LocalHttpApiFactory() {
    this(HttpApiConfig.defaults());
  }

  /**
   * {@code base} supplies host, threads and {@code allowUnsigned}; port and quotas come from the
   * core.
   */
  public LocalHttpApiFactory(HttpApiConfig base) {
    this.base = base;
  }

  @Override
  public RunningHttpApi start(LocalIotCore core) {
    LocalIotCoreConfig config = core.config();
    RegistryConfig account = new RegistryConfig(config.region(), config.accountId());
    Clock clock = config.clock();
    List<RouteProvider> operations = new ArrayList<>();
    operations.addAll(
        IotHttpOperations.controlPlane(
            core.registry(), account, core.certificateAuthority(), "127.0.0.1", clock));
    operations.addAll(
        IotHttpOperations.provisioning(core.provisioning(), core.registry(), account));
    operations.addAll(
        IotHttpOperations.dataPlane(
            core.shadowService(), core.registry().shadows(), core.gateway(), clock));
    operations.addAll(IotHttpOperations.jobs(core.jobs()));
    LocalHttpApi api =
        LocalHttpApi.start(
            base.withPort(config.httpPort())
                .withQuotas(config.awsQuotas() ? QuotaMode.AWS : QuotaMode.NONE),
            operations);
    return new RunningHttpApi() {
      @Override
      public URI url() {
        return api.url();
      }

      @Override
      public void close() {
        api.close();
      }
    };
  }
}
