package dev.iotctl.local.http;

import dev.iotctl.local.HttpApiFactory;
import dev.iotctl.local.LocalIotCore;
import dev.iotctl.local.LocalIotCoreConfig;
import dev.iotctl.local.http.data.RegistryShadows;
import dev.iotctl.local.http.quota.QuotaMode;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.registry.RegistryConfig;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the HTTP API over a started {@link LocalIotCore}: the same registry, CA, shadow service
 * and gateway the MQTT side uses, so there is one source of truth.
 */
public final class LocalHttpApiFactory implements HttpApiFactory {

  @Override
  public RunningHttpApi start(LocalIotCore core) {
    LocalIotCoreConfig config = core.config();
    RegistryConfig account = new RegistryConfig(config.region(), config.accountId());
    Clock clock = Clock.systemUTC();
    List<RouteProvider> operations =
        new ArrayList<>(
            IotHttpOperations.controlPlane(
                core.registry(), account, core.certificateAuthority(), "127.0.0.1", clock));
    operations.addAll(
        IotHttpOperations.dataPlane(
            core.shadowService(),
            new RegistryShadows(core.registry().shadows()),
            core.gateway(),
            clock));
    LocalHttpApi api =
        LocalHttpApi.start(
            HttpApiConfig.defaults()
                .withPort(config.httpPort())
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
