package dev.iotctl.cli.local.apply;

import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.local.HttpApiFactory;
import dev.iotctl.local.LocalIotCore;
import dev.iotctl.local.LocalIotCoreConfig;
import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.IotHttpOperations;
import dev.iotctl.local.http.LocalHttpApi;
import dev.iotctl.local.registry.RegistryConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Starts the real stand-in (registry, MQTT gateway over mTLS, HTTP control plane) in a data dir,
 * with the HTTP API wired here until {@code local up} provides it.
 */
final class StandIn {
  private StandIn() {}

  static LocalIotCore start(Path dataDir) {
    HttpApiFactory controlPlane =
        core -> {
          Path pki = dataDir.resolve("pki");
          CertificateAuthority ca =
              CertificateAuthority.load(pki.resolve("root-ca.pem"), pki.resolve("root-ca.key"));
          LocalHttpApi api =
              LocalHttpApi.start(
                  HttpApiConfig.defaults().withPort(core.config().httpPort()),
                  IotHttpOperations.controlPlane(
                      core.registry(),
                      new RegistryConfig(core.config().region(), core.config().accountId()),
                      ca,
                      "127.0.0.1",
                      Clock.systemUTC()));
          return new HttpApiFactory.RunningHttpApi() {
            @Override
            public URI url() {
              return api.url();
            }

            @Override
            public void close() {
              api.close();
            }
          };
        };
    return LocalIotCore.start(LocalIotCoreConfig.defaults(dataDir).withHttpApi(controlPlane));
  }
}
