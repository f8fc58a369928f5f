package dev.iotctl.device.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.ota.CodeSigning;
import dev.iotctl.device.jobs.JobRunner;
import dev.iotctl.device.jobs.JobsClient;
import dev.iotctl.device.mqtt.ConnectionListener;
import dev.iotctl.device.mqtt.DeviceConnection;
import dev.iotctl.device.mqtt.DeviceConnectionSettings;
import dev.iotctl.device.mqtt.Qos;
import dev.iotctl.device.ota.FirmwareUpdater;
import dev.iotctl.device.shadow.ShadowClient;
import dev.iotctl.device.shadow.ShadowDelta;
import dev.iotctl.device.shadow.ShadowTopics;
import dev.iotctl.device.tls.DeviceTls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The hands-on's dummy device as an object: connects with its own certificate, reports {@code
 * {"state":{"reported":{"wait_time":5}}}}, follows the shadow's delta (accepting positive integer
 * {@code wait_time} values and reporting them back), and publishes a reading every {@code
 * wait_time} seconds. Runs in-process for the CLI demo; {@link ShadowDevice} wraps it for the
 * command line.
 *
 * <p>With {@link ShadowDeviceConfig#ota()} it also runs firmware-update jobs ({@link
 * FirmwareUpdater}) and reports {@code firmware_version} in the shadow.
 */
public final class ShadowDeviceApp implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CATCH_UP_ATTEMPTS = 3;

  private final ShadowDeviceConfig config;
  private final List<Consumer<Step>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicInteger waitTime;
  private final AtomicInteger readingsSent = new AtomicInteger();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean connected = new AtomicBoolean();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final ScheduledThreadPoolExecutor scheduler;
  private volatile DeviceConnection connection;
  private volatile ShadowClient shadow;
  private volatile JobRunner jobs;
  private volatile String firmwareVersion;

  public ShadowDeviceApp(ShadowDeviceConfig config) {
    this.config = config;
    this.waitTime = new AtomicInteger(config.initialWaitTime());
    this.scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "iotctl-device-" + config.deviceName());
              thread.setDaemon(true);
              return thread;
            });
    // stop() may run on the scheduler itself (count, duration): shut down without interrupting.
    scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** Observes every step; register before {@link #start()} to see them all. */
  public void addListener(Consumer<Step> listener) {
    listeners.add(listener);
  }

  /** The current wait_time in seconds. */
  public int waitTime() {
    return waitTime.get();
  }

  public boolean isConnected() {
    return connected.get();
  }

  /** Readings published so far. */
  public int readingsSent() {
    return readingsSent.get();
  }

  /** The installed firmware version, or null without firmware updates. */
  public String firmwareVersion() {
    return firmwareVersion;
  }

  /** Completes when the device has stopped (by {@link #stop()}, count or duration). */
  public CompletableFuture<Void> stopped() {
    return stopped;
  }

  /**
   * Connects, subscribes to the delta, reports the initial state, picks up a pending desired state
   * and starts publishing readings. Returns once all that is done.
   *
   * @throws IllegalStateException if started twice
   * @throws RuntimeException with the cause if connecting or the first report fails; the app is
   *     stopped then
   */
  public void start() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("Already started");
    }
    try {
      connect();
      ShadowTopics topics =
          config.shadowName() == null
              ? ShadowTopics.classic(config.deviceName())
              : ShadowTopics.named(config.deviceName(), config.shadowName());
      shadow = new ShadowClient(connection, topics, config.requestTimeout());
      await(shadow.onDelta(this::onDelta));
      step(Step.Kind.SUBSCRIBED, topics.delta());
      report(waitTime.get());
      if (config.ota() != null) {
        startJobs(config.ota());
      }
      catchUpWithDesired();
      scheduleReading();
      if (config.duration() != null) {
        scheduler.schedule(this::stop, config.duration().toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (RuntimeException e) {
      step(Step.Kind.ERROR, describe(e));
      stop();
      throw e;
    }
  }

  /** Disconnects and stops publishing. Idempotent. */
  public void stop() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    scheduler.shutdown();
    if (jobs != null) {
      jobs.close();
    }
    if (shadow != null) {
      shadow.close();
    }
    if (connection != null) {
      connection.close();
    }
    connected.set(false);
    step(Step.Kind.STOPPED, "readings sent: " + readingsSent.get());
    stopped.complete(null);
  }

  @Override
  public void close() {
    stop();
  }

  private void connect() {
    step(
        Step.Kind.CONNECTING,
        config.endpoint() + ":" + config.port() + " as client id " + config.deviceName());
    try {
      DeviceConnectionSettings settings =
          DeviceConnectionSettings.of(config.endpoint(), config.port(), config.deviceName())
              .withKeepAlive(config.keepAlive());
      connection =
          DeviceConnection.open(
              settings,
              DeviceTls.fromPemFiles(config.rootCa(), config.certificate(), config.privateKey()));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot load the device's certificate files", e);
    }
    connected.set(true);
    step(Step.Kind.CONNECTED, config.endpoint() + ":" + config.port());
    connection.addListener(
        new ConnectionListener() {
          @Override
          public void reconnected() {
            connected.set(true);
            step(Step.Kind.CONNECTED, "reconnected, subscriptions restored");
            // Deltas published while offline are lost with the clean session. Not on this
            // (dispatch) thread: the shadow reply is delivered by it.
            runInBackground(ShadowDeviceApp.this::catchUpAfterReconnect);
            // Job notifications sent while offline are lost too: look for pending jobs.
            JobRunner runner = jobs;
            if (runner != null) {
              runner.poke();
            }
          }

          @Override
          public void connectionLost(Throwable cause) {
            connected.set(false);
            step(Step.Kind.CONNECTION_LOST, describe(cause));
          }

          @Override
          public void reconnectScheduled(int attempt, Duration delay) {
            step(Step.Kind.RECONNECTING, "attempt " + attempt + " in " + delay.toMillis() + " ms");
          }
        });
  }

  /** Deltas published while the device was offline never reach it: read the shadow instead. */
  private void catchUpWithDesired() {
    JsonNode document = await(shadow.get());
    JsonNode pending = document.path("state").path("delta").path(config.shadowProperty());
    step(
        Step.Kind.SHADOW_READ,
        "version " + document.path("version").asLong() + ", pending desired: " + pending);
    if (!pending.isMissingNode()) {
      apply(pending);
    }
  }

  /** Retried a few times: the shadow service may answer late right after an outage. */
  private void catchUpAfterReconnect() {
    for (int attempt = 1; attempt <= CATCH_UP_ATTEMPTS && connection.isConnected(); attempt++) {
      try {
        catchUpWithDesired();
        return;
      } catch (RuntimeException e) {
        step(Step.Kind.ERROR, "shadow not read after reconnect: " + describe(e));
      }
    }
  }

  private void runInBackground(Runnable task) {
    try {
      scheduler.execute(task);
    } catch (RejectedExecutionException e) {
      // Stopped.
    }
  }

  private void onDelta(ShadowDelta delta) {
    step(Step.Kind.DELTA_RECEIVED, "version " + delta.version() + " " + delta.state());
    JsonNode value = delta.state().path(config.shadowProperty());
    if (!value.isMissingNode()) {
      try {
        apply(value);
      } catch (RuntimeException e) {
        step(Step.Kind.ERROR, describe(e));
      }
    }
  }

  private void apply(JsonNode desired) {
    if (!desired.canConvertToInt() || !desired.isIntegralNumber() || desired.asInt() < 1) {
      step(
          Step.Kind.IGNORED,
          config.shadowProperty() + " must be a positive integer, desired is " + desired);
      return;
    }
    int value = desired.asInt();
    waitTime.set(value);
    step(Step.Kind.APPLIED, config.shadowProperty() + "=" + value);
    report(value);
  }

  private void report(int value) {
    ObjectNode reported = JSON.createObjectNode().put(config.shadowProperty(), value);
    JsonNode accepted = await(shadow.report(reported));
    step(
        Step.Kind.REPORTED,
        "{\"state\":{\"reported\":"
            + reported
            + "}} accepted, version "
            + accepted.path("version").asLong());
  }

  /** Reports the installed version, then runs pending and future firmware-update jobs. */
  private void startJobs(ShadowDeviceConfig.Ota ota) {
    java.security.PublicKey key;
    try {
      key = CodeSigning.parsePublicKey(java.nio.file.Files.readString(ota.codeSigningKey()));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "Cannot read the code-signing key " + ota.codeSigningKey() + ": " + e.getMessage(), e);
    }
    firmwareVersion =
        FirmwareUpdater.installedVersion(ota.firmwareDir()).orElse(ota.initialVersion());
    reportFirmware(firmwareVersion);
    FirmwareUpdater updater =
        new FirmwareUpdater(
            key,
            ota.firmwareDir(),
            () -> firmwareVersion,
            version -> {
              firmwareVersion = version;
              step(Step.Kind.INSTALLED, "firmware " + version + " in " + ota.firmwareDir());
              reportFirmware(version);
            });
    jobs =
        new JobRunner(
            new JobsClient(connection, config.deviceName(), config.requestTimeout()),
            updater,
            event -> step(Step.Kind.JOB, event.jobId() + " " + event.what()),
            config.requestTimeout());
    jobs.start();
  }

  private void reportFirmware(String version) {
    JsonNode accepted =
        await(shadow.report(JSON.createObjectNode().put("firmware_version", version)));
    step(
        Step.Kind.REPORTED,
        "{\"state\":{\"reported\":{\"firmware_version\":\""
            + version
            + "\"}}} accepted, version "
            + accepted.path("version").asLong());
  }

  private void scheduleReading() {
    try {
      scheduler.schedule(this::publishReading, waitTime.get(), TimeUnit.SECONDS);
    } catch (RejectedExecutionException e) {
      // Stopped.
    }
  }

  private void publishReading() {
    if (!connection.isConnected()) {
      step(Step.Kind.TELEMETRY, "skipped, not connected");
      scheduleReading();
      return;
    }
    ObjectNode reading =
        JSON.createObjectNode()
            .put("device_name", config.deviceName())
            .put("timestamp", Instant.now().toString())
            .put("temperature", round(20 + ThreadLocalRandom.current().nextDouble(10)))
            .put("humidity", round(40 + ThreadLocalRandom.current().nextDouble(30)))
            .put(config.shadowProperty(), waitTime.get());
    try {
      await(
          connection.publish(
              config.telemetryTopic(),
              reading.toString().getBytes(StandardCharsets.UTF_8),
              Qos.AT_LEAST_ONCE));
      int sent = readingsSent.incrementAndGet();
      step(Step.Kind.TELEMETRY, config.telemetryTopic() + " " + reading);
      if (config.count() > 0 && sent >= config.count()) {
        stop();
        return;
      }
    } catch (RuntimeException e) {
      step(Step.Kind.ERROR, "reading not published: " + describe(e));
    }
    scheduleReading();
  }

  private void step(Step.Kind kind, String message) {
    Step step = new Step(Instant.now(), kind, message);
    for (Consumer<Step> listener : listeners) {
      listener.accept(step);
    }
  }

  private <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(config.requestTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("No reply in time", e);
    }
  }

  private static String describe(Throwable error) {
    StringBuilder text = new StringBuilder(error.toString());
    for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
      text.append(" <- ").append(cause);
    }
    return text.toString();
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
