package dev.iotctl.local.gateway;

import dev.iotctl.core.topic.ReservedTopics;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-in's MQTT device gateway: Moquette 0.17 embedded, MQTT 3.1.1 over TLS 1.2 with client
 * certificates required, on 127.0.0.1 only, with AWS IoT Core's certificate and policy checks.
 *
 * <p>Registry changes reach live connections through {@link #certificateChanged} and {@link
 * #policiesChanged}.
 */
public final class DeviceGateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceGateway.class);

  /** AWS's message size limit (128 KB payload) plus room for the fixed and variable headers. */
  static final int MAX_MESSAGE_BYTES = 128 * 1024 + 1024;

  /**
   * Per-session queue: with Moquette's 1024, 10 publishers × 10,000 QoS 1 messages to one
   * subscriber stalled; 131072 delivered everything.
   */
  static final int SESSION_QUEUE_SIZE = 131072;

  private static final String INTERNAL_PUBLISHER = "iotctl-local";

  private final DeviceDirectory directory;
  private final GatewayAuthorizer authorizer;
  private final IotResources resources;
  private final LiveConnections connections = new LiveConnections();
  private final ClientErrorLog clientErrors = new ClientErrorLog(System::nanoTime);

  /** Counts registry changes handed to live connections (see {@link ConnectionGuard}). */
  private final AtomicLong registryChanges = new AtomicLong();

  private final LifecycleEvents lifecycle;
  private final RetainedMessages retained = new RetainedMessages(Clock.systemUTC());
  private final boolean awsQuotas;
  private volatile Server server;
  private volatile DevicePublishListener devicePublishListener;
  private volatile RoutedMessageListener routedMessageListener;
  private int port;

  private DeviceGateway(
      GatewayConfig config, DeviceDirectory directory, GatewayAuthorizer authorizer) {
    this.directory = directory;
    this.authorizer = authorizer;
    this.resources = new IotResources(config.region(), config.accountId());
    this.lifecycle = new LifecycleEvents(this::publish, Clock.systemUTC());
    this.awsQuotas = config.awsQuotas();
  }

  /** Starts the broker; returns once it accepts connections on {@link #port()}. */
  public static DeviceGateway start(
      GatewayConfig config, DeviceDirectory directory, GatewayAuthorizer authorizer)
      throws IOException {
    DeviceGateway gateway = new DeviceGateway(config, directory, authorizer);
    gateway.startBroker(config);
    return gateway;
  }

  private void startBroker(GatewayConfig config) throws IOException {
    SslContext ssl =
        new GuardInstallingSslContext(sslContext(config), () -> new ConnectionGuard(this));
    // Moquette records the port it bound in a HashMap written from its boss thread, which races
    // with getSslPort(); so for "any free port" the gateway picks one itself (and retries if
    // another process takes it first).
    for (int attempt = 1; ; attempt++) {
      int candidate = config.port() != 0 ? config.port() : freeLoopbackPort();
      Server candidateServer = new Server();
      try {
        candidateServer.startServer(
            new MemoryConfig(brokerProperties(candidate)),
            List.of(new BrokerConnectedListener(this)),
            () -> ssl,
            (clientId, username, password) -> true, // identity is the certificate, as on AWS
            new GatewayAuthorizatorPolicy(this));
        server = candidateServer;
        port = candidate;
        break;
      } catch (RuntimeException e) {
        stopQuietly(candidateServer);
        if (config.port() != 0 || attempt == 3 || !(e.getCause() instanceof BindException)) {
          throw new IOException("cannot start the MQTT listener on port " + candidate, e);
        }
      }
    }
    LOG.info("device gateway listening on 127.0.0.1:{}", port);
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  private static void stopQuietly(Server s) {
    try {
      s.stopServer();
    } catch (RuntimeException ignored) {
      // it never started
    }
  }

  private static Properties brokerProperties(int sslPort) {
    Properties p = new Properties();
    p.setProperty("host", "127.0.0.1");
    p.setProperty("port", "disabled");
    p.setProperty("websocket_port", "disabled");
    p.setProperty("ssl_port", Integer.toString(sslPort));
    p.setProperty("need_client_auth", "true");
    p.setProperty("allow_anonymous", "true"); // the AWS SDK sends a metrics username, no password
    p.setProperty("allow_zero_byte_client_id", "false");
    p.setProperty("telemetry_enabled", "false");
    p.setProperty("persistence_enabled", "false");
    p.setProperty("netty.mqtt.message_size", Integer.toString(MAX_MESSAGE_BYTES));
    p.setProperty("session_queue_size", Integer.toString(SESSION_QUEUE_SIZE));
    p.setProperty("netty.tcp_nodelay", "true");
    return p;
  }

  private SslContext sslContext(GatewayConfig config) throws SSLException {
    return SslContextBuilder.forServer(
            config.serverKey(), config.serverCertificateChain().toArray(X509Certificate[]::new))
        .sslProvider(SslProvider.JDK)
        .protocols("TLSv1.2")
        .clientAuth(ClientAuth.REQUIRE)
        .trustManager(new DeviceTrustManager(directory))
        .build();
  }

  /** The bound TLS port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** Registers the receiver of devices' authorized publishes under {@code $aws/}. */
  public void setDevicePublishListener(DevicePublishListener listener) {
    this.devicePublishListener = listener;
  }

  /** Registers the receiver of every routed message (the rules engine). */
  public void setRoutedMessageListener(RoutedMessageListener listener) {
    this.routedMessageListener = listener;
  }

  /**
   * Publishes a message from the service itself (QoS 1, not retained), delivered to every
   * subscriber whose policies allow {@code iot:Receive}.
   */
  public void publish(String topic, byte[] payload) {
    publish(topic, payload, 1, false);
  }

  /**
   * Publishes a message from the service with the given QoS (0 or 1) and retain flag, as the data
   * plane's Publish does: a retained message is kept ({@link #retainedMessages()}) and delivered to
   * later subscribers of exactly its topic (an empty retained payload deletes it, as in MQTT).
   */
  public void publish(String topic, byte[] payload, int qos, boolean retain) {
    if (!offerRouted(null, topic, payload)) {
      return;
    }
    if (retain) {
      retained.retain(topic, payload, qos);
    }
    try {
      server.internalPublish(
          MqttMessageBuilders.publish()
              .topicName(topic)
              .qos(qos == 0 ? MqttQoS.AT_MOST_ONCE : MqttQoS.AT_LEAST_ONCE)
              .retained(false) // the gateway keeps retained messages, not Moquette
              .messageId(1)
              .payload(Unpooled.wrappedBuffer(payload))
              .build(),
          INTERNAL_PUBLISHER);
    } catch (IllegalStateException stopped) {
      LOG.debug("not published to {}: the broker is stopped", topic);
    }
  }

  /** The retained messages (GetRetainedMessage, ListRetainedMessages). */
  public RetainedMessages retainedMessages() {
    return retained;
  }

  /**
   * Publishes a service reply (QoS 0) to one client only, if it is connected and subscribed to a
   * filter matching the topic, with {@code iot:Receive} checked as for any delivery: AWS answers a
   * fleet provisioning request to the device that sent it, although every device sharing the claim
   * certificate subscribes to the same reply topics. Returns whether it was sent.
   */
  public boolean publishTo(String clientId, String topic, byte[] payload) {
    LiveConnection connection = connections.byClientId(clientId).orElse(null);
    if (connection == null || !connection.isSubscribedTo(topic)) {
      return false;
    }
    connection
        .channel()
        .writeAndFlush(
            MqttMessageBuilders.publish()
                .topicName(topic)
                .qos(MqttQoS.AT_MOST_ONCE)
                .retained(false)
                .payload(Unpooled.wrappedBuffer(payload))
                .build());
    return true;
  }

  /** The client ids of the live, admitted connections. */
  public List<String> connectedClientIds() {
    return connections.admitted().stream().map(LiveConnection::clientId).toList();
  }

  /**
   * The certificate's status, policies or things changed: closes its connections if it is no longer
   * {@code ACTIVE} or no longer allowed to connect, otherwise refreshes their view.
   */
  public void certificateChanged(String certificateId) {
    registryChanges.incrementAndGet();
    connections.byCertificate(certificateId).forEach(this::recheck);
  }

  /**
   * Policies changed (attached, detached, new default version): re-evaluates {@code iot:Connect}
   * for the live connections of that certificate, or of every certificate when {@code
   * certificateId} is null, and closes those now denied.
   */
  public void policiesChanged(String certificateId) {
    registryChanges.incrementAndGet();
    (certificateId == null ? connections.all() : connections.byCertificate(certificateId))
        .forEach(this::recheck);
  }

  /**
   * Judges a connection again against the registry: closed if its certificate is no longer {@code
   * ACTIVE} or, once admitted, no longer allowed {@code iot:Connect}; otherwise its view of the
   * policies is refreshed.
   */
  void recheck(LiveConnection c) {
    Optional<DeviceRecord> device = activeDevice(c.certificateId());
    if (device.isEmpty()) {
      c.close(DisconnectReason.AUTH_ERROR);
      return;
    }
    c.refresh(device.get());
    ConnectionPrincipal principal = c.principal();
    if (principal != null
        && !authorize(principal, "iot:Connect", resources.client(principal.clientId()))) {
      c.close(DisconnectReason.AUTH_ERROR);
    }
  }

  /** The certificate's registry record when it is {@code ACTIVE}. */
  Optional<DeviceRecord> activeDevice(String certificateId) {
    return directory.findForConnection(certificateId).filter(DeviceRecord::isActive);
  }

  /**
   * How many registry changes have reached the live connections so far: a CONNECT judged while this
   * moved is judged again.
   */
  long registryChanges() {
    return registryChanges.get();
  }

  ClientErrorLog clientErrors() {
    return clientErrors;
  }

  /** Moquette reports {@code clientId} connected (its session is bound and usable). */
  void brokerConnected(String clientId) {
    connections.byClientId(clientId).ifPresent(LiveConnection::brokerConnected);
  }

  /** Whether AWS's per-connection quotas apply ({@code --quotas aws}). */
  boolean awsQuotas() {
    return awsQuotas;
  }

  @Override
  public void close() {
    for (LiveConnection c : connections.all()) {
      c.noteReason(DisconnectReason.SERVER_INITIATED_DISCONNECT);
    }
    if (server != null) {
      server.stopServer();
    }
  }

  DeviceDirectory directory() {
    return directory;
  }

  IotResources resources() {
    return resources;
  }

  LiveConnections connections() {
    return connections;
  }

  LifecycleEvents lifecycle() {
    return lifecycle;
  }

  /**
   * Hands a message to the {@link RoutedMessageListener}; false when it must not reach subscribers
   * (Basic Ingest: "Your devices and rules can't subscribe to Basic Ingest reserved topics").
   */
  boolean offerRouted(ConnectionPrincipal from, String topic, byte[] payload) {
    RoutedMessageListener listener = routedMessageListener;
    if (listener != null) {
      listener.onMessage(topic, payload, from);
    }
    return !topic.startsWith(ReservedTopics.BASIC_INGEST_PREFIX);
  }

  /** As {@link #offerRouted(ConnectionPrincipal, String, byte[])}; copies only for a listener. */
  boolean offerRouted(ConnectionPrincipal from, String topic, ByteBuf payload) {
    RoutedMessageListener listener = routedMessageListener;
    if (listener != null) {
      listener.onMessage(topic, ByteBufUtil.getBytes(payload), from);
    }
    return !topic.startsWith(ReservedTopics.BASIC_INGEST_PREFIX);
  }

  DevicePublishListener devicePublishListener() {
    return devicePublishListener;
  }

  boolean authorize(ConnectionPrincipal principal, String action, String resourceArn) {
    try {
      return authorizer.isAllowed(principal, action, resourceArn);
    } catch (RuntimeException e) {
      LOG.warn("authorization of {} on {} failed: {}", action, resourceArn, e.toString());
      return false;
    }
  }
}
