package dev.iotctl.local.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.local.gateway.ConnectionPrincipal;
import dev.iotctl.local.gateway.RoutedMessageListener;
import dev.iotctl.local.registry.LogLevel;
import dev.iotctl.local.registry.LoggingRegistry;
import dev.iotctl.local.registry.LoggingSettings;
import dev.iotctl.local.registry.ThingGroupRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-in's CloudWatch Logs: the message broker's log entries ({@code Connect}, {@code
 * Disconnect}, {@code Publish-In}) in AWS's {@code AWSIotLogsV2} JSON shape, one per line in {@code
 * DIR/iot-logs.jsonl}, filtered by the V2 logging settings exactly as AWS filters what it sends to
 * CloudWatch: nothing until SetV2LoggingOptions, nothing with {@code disableAllLogs}, and otherwise
 * the level of the most specific target (client id, principal, source IP, thing group, default).
 * Successes are INFO entries, failures ERROR.
 *
 * <p>Events come from the broker's routed messages: devices' publishes and the lifecycle events the
 * gateway publishes. Entries are written on one thread; when the bounded queue is full, entries are
 * dropped and counted, never the broker stalled.
 */
public final class DeviceEventLog implements RoutedMessageListener, AutoCloseable {
  /** The log file's name in the data directory. */
  public static final String FILE_NAME = "iot-logs.jsonl";

  static final int QUEUE_CAPACITY = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(DeviceEventLog.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final String PRESENCE = "$aws/events/presence/";

  private final LoggingRegistry logging;
  private final ThingGroupRegistry groups;
  private final String accountId;
  private final Clock clock;
  private final Path file;
  private final ThreadPoolExecutor writer;
  private final AtomicLong dropped = new AtomicLong();
  private OutputStream out;

  public DeviceEventLog(
      LoggingRegistry logging,
      ThingGroupRegistry groups,
      String accountId,
      Clock clock,
      Path dataDir) {
    this.logging = logging;
    this.groups = groups;
    this.accountId = accountId;
    this.clock = clock;
    this.file = dataDir.resolve(FILE_NAME);
    this.writer =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE_CAPACITY),
            r -> {
              Thread t = new Thread(r, "iotctl-device-event-log");
              t.setDaemon(true);
              return t;
            },
            (task, executor) -> dropped.incrementAndGet());
  }

  /** {@code DIR/iot-logs.jsonl}. */
  public Path file() {
    return file;
  }

  /** Entries dropped because the writer fell behind. */
  public long dropped() {
    return dropped.get();
  }

  @Override
  public void onMessage(String topic, byte[] payload, ConnectionPrincipal from) {
    if (!logging.settings().enabled()) {
      return; // the common case costs one volatile read
    }
    if (from == null && !topic.startsWith(PRESENCE)) {
      return;
    }
    long now = clock.millis();
    if (!writer.isShutdown()) {
      writer.execute(() -> record(topic, payload, from, now));
    }
  }

  private void record(String topic, byte[] payload, ConnectionPrincipal from, long when) {
    try {
      Entry entry = from != null ? publishIn(topic, from) : lifecycle(topic, payload);
      if (entry == null) {
        return;
      }
      LoggingSettings settings = logging.settings();
      List<List<String>> chains =
          settings.hasThingGroupLevels() && entry.clientId() != null
              ? groups.groupChainsOf(entry.clientId())
              : List.of();
      LogLevel level =
          settings.levelFor(entry.clientId(), entry.principalId(), entry.sourceIp(), chains);
      if (level.admits(entry.level())) {
        write(entry, when);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot write {}: {}", FILE_NAME, e.toString());
    }
  }

  /** A device's publish, as the broker received it. */
  private static Entry publishIn(String topic, ConnectionPrincipal from) {
    ObjectNode extra = JSON.createObjectNode().put("topicName", topic);
    return new Entry(
        "Publish-In",
        LogLevel.INFO,
        "Success",
        from.clientId(),
        from.device().certificateId(),
        from.sourceIp(),
        extra);
  }

  /** Connect, Disconnect and failed Connect, from the lifecycle events the gateway publishes. */
  private static Entry lifecycle(String topic, byte[] payload) throws IOException {
    JsonNode event = JSON.readTree(payload);
    String clientId = event.path("clientId").asText(null);
    String principal = event.path("principalIdentifier").asText(null);
    String ip = event.path("ipAddress").asText(null);
    ObjectNode extra = JSON.createObjectNode();
    String kind = topic.substring(PRESENCE.length(), topic.indexOf('/', PRESENCE.length()));
    return switch (kind) {
      case "connected" ->
          new Entry("Connect", LogLevel.INFO, "Success", clientId, principal, ip, extra);
      case "disconnected" -> {
        extra.put("disconnectReason", event.path("disconnectReason").asText());
        yield new Entry("Disconnect", LogLevel.INFO, "Success", clientId, principal, ip, extra);
      }
      case "connect_failed" -> {
        extra.put("reason", "AUTHORIZATION_FAILURE");
        extra.put("details", "Authorization Failure");
        yield new Entry("Connect", LogLevel.ERROR, "Failure", clientId, principal, ip, extra);
      }
      default -> null;
    };
  }

  private void write(Entry entry, long when) throws IOException {
    ObjectNode line = JSON.createObjectNode();
    line.put("timestamp", TIMESTAMP.format(Instant.ofEpochMilli(when)));
    line.put("logLevel", entry.level().name());
    line.put("traceId", UUID.randomUUID().toString());
    line.put("accountId", accountId);
    line.put("status", entry.status());
    line.put("eventType", entry.eventType());
    line.put("protocol", "MQTT");
    if (entry.clientId() != null) {
      line.put("clientId", entry.clientId());
    }
    if (entry.principalId() != null) {
      line.put("principalId", entry.principalId());
    }
    if (entry.sourceIp() != null) {
      line.put("sourceIp", entry.sourceIp());
    }
    line.setAll(entry.extra());
    if (out == null) {
      Files.createDirectories(file.getParent());
      out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    // One write per line: a reader tailing the file never sees half an entry.
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Lets queued entries be written (briefly), then closes the file. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writer.shutdownNow();
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        LOG.warn("cannot close {}: {}", FILE_NAME, e.toString());
      }
      out = null;
    }
  }

  private record Entry(
      String eventType,
      LogLevel level,
      String status,
      String clientId,
      String principalId,
      String sourceIp,
      ObjectNode extra) {}
}
