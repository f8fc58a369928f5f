package dev.iotctl.local.http;

import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.policy.PolicyDocument;
import dev.iotctl.core.shadow.ShadowEngine;
import dev.iotctl.local.gateway.DeviceGateway;
import dev.iotctl.local.gateway.DeviceRecord;
import dev.iotctl.local.gateway.GatewayConfig;
import dev.iotctl.local.gateway.PolicyAuthorizer;
import dev.iotctl.local.http.data.RegistryShadows;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.registry.DeviceIdentity;
import dev.iotctl.local.registry.Registry;
import dev.iotctl.local.registry.RegistryConfig;
import dev.iotctl.local.shadow.ShadowMqttBridge;
import dev.iotctl.local.shadow.ShadowService;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole local IoT Core for tests: SQLite registry, CA, MQTT gateway on TLS, shadow service, and
 * the HTTP API over them, all on loopback.
 */
public final class StandIn implements AutoCloseable {
  public static final RegistryConfig ACCOUNT = new RegistryConfig("us-east-1", "123456789012");

  public final Registry registry;
  public final CertificateAuthority ca =
      CertificateAuthority.create("iotctl test CA", KeyType.EC_P256);
  public final DeviceGateway gateway;
  public final ShadowService shadows;
  public final LocalHttpApi api;

  public StandIn(Path dataDir, HttpApiConfig config) throws Exception {
    registry =
        Registry.open(
            dataDir, ACCOUNT, Clock.systemUTC(), document -> PolicyDocument.parse(document));
    KeyPair serverKeys = KeyPairs.generate(KeyType.EC_P256);
    X509Certificate serverCert =
        ca.issueServerCertificate(
            serverKeys.getPublic(), List.of("localhost"), List.of("127.0.0.1"), Duration.ofDays(1));
    gateway =
        DeviceGateway.start(
            new GatewayConfig(
                0,
                ACCOUNT.region(),
                ACCOUNT.accountId(),
                serverKeys.getPrivate(),
                List.of(serverCert, ca.certificate())),
            certificateId ->
                registry.certificates().findForConnection(certificateId).map(StandIn::record),
            new PolicyAuthorizer(ACCOUNT.region(), ACCOUNT.accountId()));
    RegistryShadows storage = new RegistryShadows(registry.shadows());
    shadows = new ShadowService(new ShadowEngine(), storage, gateway::publish);
    gateway.setDevicePublishListener(new ShadowMqttBridge(shadows));
    List<RouteProvider> operations = new ArrayList<>();
    operations.addAll(
        IotHttpOperations.controlPlane(registry, ACCOUNT, ca, "127.0.0.1", Clock.systemUTC()));
    operations.addAll(IotHttpOperations.dataPlane(shadows, storage, gateway, Clock.systemUTC()));
    api = LocalHttpApi.start(config, operations);
  }

  private static DeviceRecord record(DeviceIdentity identity) {
    List<DeviceRecord.Policy> policies = new ArrayList<>();
    identity.policies().forEach(p -> policies.add(new DeviceRecord.Policy(p.name(), p.document())));
    return new DeviceRecord(
        identity.certificateId(),
        identity.status().name(),
        policies,
        identity.things().stream()
            .map(t -> new DeviceRecord.Thing(t.name(), t.typeName().orElse(null), t.attributes()))
            .toList());
  }

  /** The MQTT TLS port. */
  public int mqttPort() {
    return gateway.port();
  }

  @Override
  public void close() {
    api.close();
    shadows.close();
    gateway.close();
    registry.close();
  }
}
