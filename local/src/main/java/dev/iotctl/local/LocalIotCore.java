package dev.iotctl.local;

import dev.iotctl.core.jobs.JobTiming;
import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.core.policy.PolicyDocument;
import dev.iotctl.core.shadow.ShadowEngine;
import dev.iotctl.local.gateway.DeviceGateway;
import dev.iotctl.local.gateway.DevicePublishListener;
import dev.iotctl.local.gateway.GatewayConfig;
import dev.iotctl.local.gateway.PolicyAuthorizer;
import dev.iotctl.local.jobs.JobsMqttBridge;
import dev.iotctl.local.jobs.JobsService;
import dev.iotctl.local.jobs.RegistryTargets;
import dev.iotctl.local.logs.DeviceEventLog;
import dev.iotctl.local.provisioning.ProvisioningService;
import dev.iotctl.local.registry.Registry;
import dev.iotctl.local.rules.RulesService;
import dev.iotctl.local.shadow.ShadowMqttBridge;
import dev.iotctl.local.shadow.ShadowService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local IoT Core stand-in, started from a data directory: its own root CA and server
 * certificate ({@code pki/}), the SQLite registry ({@code registry.db}), the MQTT device gateway
 * with policies enforced and live revocation, the Device Shadow service over MQTT (and, with an
 * {@link HttpApiFactory}, over HTTP), an operator identity for tooling ({@code operator/}), and
 * {@code endpoint.json} once ready. Everything binds 127.0.0.1 only.
 */
public final class LocalIotCore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalIotCore.class);

  private final LocalIotCoreConfig config;
  private StandInPki pki;
  private Registry registry;
  private ProvisioningService provisioning;
  private DeviceGateway gateway;
  private LiveConnectionUpdater updater;
  private ShadowService shadowService;
  private JobsService jobs;
  private RulesService rules;
  private DeviceEventLog events;
  private HttpApiFactory.RunningHttpApi httpApi;
  private Path operatorDir;
  private DataDirLock lock;
  private StandInEndpoint endpoint;
  private Path endpointFile;
  private Duration startupTime;

  private LocalIotCore(LocalIotCoreConfig config) {
    this.config = config;
  }

  /**
   * Starts everything and writes {@code endpoint.json}; returns once devices can connect.
   *
   * @throws UncheckedIOException when the data directory or a port cannot be used
   * @throws StandInAlreadyRunningException when another stand-in runs on the data directory
   */
  public static LocalIotCore start(LocalIotCoreConfig config) {
    LocalIotCore core = new LocalIotCore(config);
    try {
      core.startParts();
      return core;
    } catch (IOException e) {
      core.close();
      throw new UncheckedIOException("cannot start the local IoT Core in " + config.dataDir(), e);
    } catch (RuntimeException | Error e) {
      core.close();
      throw e;
    }
  }

  private void startParts() throws IOException {
    long begin = System.nanoTime();
    Path dir = config.dataDir();
    Files.createDirectories(dir);
    lock = DataDirLock.acquire(dir);
    pki = StandInPki.loadOrCreate(dir);
    registry = Registry.open(dir, config.registryConfig(), config.clock(), PolicyDocument::parse);
    provisioning =
        ProvisioningService.open(dir, registry, config.registryConfig(), pki.ca(), config.clock());
    gateway =
        DeviceGateway.start(
            new GatewayConfig(
                config.mqttPort(),
                config.region(),
                config.accountId(),
                pki.serverKey(),
                List.of(pki.serverCertificate(), pki.ca().certificate()),
                config.awsQuotas()),
            provisioning.deviceDirectory(new RegistryDeviceDirectory(registry.certificates())),
            new PolicyAuthorizer(config.region(), config.accountId()));
    provisioning.publishVia(gateway::publish);
    updater = new LiveConnectionUpdater(gateway, config.registryConfig());
    registry.addListener(updater);
    shadowService =
        new ShadowService(
            new ShadowEngine(), new RegistryShadowStore(registry.shadows()), gateway::publish);
    jobs =
        JobsService.start(
            dir,
            new RegistryTargets(registry),
            gateway::publish,
            new JobTiming(config.clock(), config.jobsMinute()),
            config.registryConfig(),
            this::httpUrl);
    registry.addListener(jobs);
    gateway.setDevicePublishListener(
        DevicePublishListener.all(
            new ShadowMqttBridge(shadowService),
            new JobsMqttBridge(jobs, gateway::publish),
            provisioning.fleetProvisioning(gateway::publishTo)));
    rules = RulesService.start(registry, gateway, dir);
    events =
        new DeviceEventLog(
            registry.logging(), registry.thingGroups(), config.accountId(), config.clock(), dir);
    RulesService routedToRules = rules;
    DeviceEventLog routedToLog = events;
    gateway.setRoutedMessageListener(
        (topic, payload, from) -> {
          routedToRules.onMessage(topic, payload, from);
          routedToLog.onMessage(topic, payload, from);
        });
    operatorDir = OperatorIdentity.ensure(dir, pki.ca(), registry, config);
    if (config.httpApi() != null) {
      httpApi = config.httpApi().start(this);
    }
    endpoint =
        new StandInEndpoint(
            "127.0.0.1",
            gateway.port(),
            httpUrl().orElse(null),
            pki.rootCaPath().toAbsolutePath(),
            config.region(),
            config.accountId(),
            operatorDir.toAbsolutePath(),
            config.awsQuotas() ? "aws" : "none",
            ProcessHandle.current().pid());
    endpointFile = endpoint.write(dir);
    startupTime = Duration.ofNanos(System.nanoTime() - begin);
    LOG.info(
        "local IoT Core ready in {} ms: mqtts://127.0.0.1:{}{}",
        startupTime.toMillis(),
        gateway.port(),
        httpUrl().map(u -> ", " + u).orElse(""));
  }

  public LocalIotCoreConfig config() {
    return config;
  }

  /** Things, certificates, policies, shadows and rules; changes reach live connections. */
  public Registry registry() {
    return registry;
  }

  /**
   * CA certificates, just-in-time provisioning, provisioning templates ({@code provisioning.db}).
   */
  public ProvisioningService provisioning() {
    return provisioning;
  }

  /** The Device Shadow service, shared by MQTT and HTTP. */
  public ShadowService shadowService() {
    return shadowService;
  }

  /** Jobs and OTA rollouts ({@code DIR/jobs.db}, files under {@code DIR/files}). */
  public JobsService jobs() {
    return jobs;
  }

  /** Topic rules: {@code DIR/actions.jsonl}, {@code DIR/stats.json}. */
  public RulesService rules() {
    return rules;
  }

  /** The device event log ({@code DIR/iot-logs.jsonl}) that V2 logging settings filter. */
  public DeviceEventLog events() {
    return events;
  }

  /** The MQTT gateway: {@link DeviceGateway#publish} delivers a service-side message. */
  public DeviceGateway gateway() {
    return gateway;
  }

  /** The bound MQTT-over-TLS port on 127.0.0.1. */
  public int mqttPort() {
    return gateway.port();
  }

  /** The HTTP API's base URL, when one was started. */
  public Optional<URI> httpUrl() {
    return Optional.ofNullable(httpApi).map(HttpApiFactory.RunningHttpApi::url);
  }

  /** The stand-in's CA: it signs device certificates (CreateKeysAndCertificate, CSRs). */
  public CertificateAuthority certificateAuthority() {
    return pki.ca();
  }

  /** The root CA certificate clients trust ({@code DIR/pki/root-ca.pem}). */
  public Path rootCaPath() {
    return pki.rootCaPath();
  }

  /** The operator bundle's directory ({@code DIR/operator/}). */
  public Path operatorDir() {
    return operatorDir;
  }

  /** {@code DIR/endpoint.json}. */
  public Path endpointFile() {
    return endpointFile;
  }

  /** How long {@link #start} took, from the first file touched to {@code endpoint.json}. */
  public Duration startupTime() {
    return startupTime;
  }

  /**
   * Deletes {@code endpoint.json} if this stand-in wrote it, then stops the entry points (HTTP,
   * MQTT) before what they use (shadow service, registry), so no request reaches a closed store,
   * and releases the data directory last.
   */
  @Override
  public void close() {
    if (endpointFile != null) {
      deleteOwnEndpointFile();
      endpointFile = null;
    }
    stop(httpApi);
    stop(gateway);
    stop(rules);
    stop(events);
    if (jobs != null && registry != null) {
      registry.removeListener(jobs);
    }
    stop(jobs);
    stop(shadowService);
    stop(updater);
    stop(provisioning);
    stop(registry);
    httpApi = null;
    gateway = null;
    rules = null;
    events = null;
    jobs = null;
    shadowService = null;
    updater = null;
    provisioning = null;
    registry = null;
    stop(lock);
    lock = null;
  }

  /** Only the stand-in that wrote {@code endpoint.json} removes it. */
  private void deleteOwnEndpointFile() {
    try {
      if (StandInEndpoint.read(config.dataDir()).filter(endpoint::equals).isPresent()) {
        Files.deleteIfExists(endpointFile);
      }
    } catch (IOException e) {
      LOG.warn("cannot remove {}: {}", endpointFile, e.toString());
    }
  }

  private static void stop(AutoCloseable part) {
    if (part == null) {
      return;
    }
    try {
      part.close();
    } catch (Exception e) {
      LOG.warn("stopping {} failed", part.getClass().getSimpleName(), e);
    }
  }
}
