package dev.iotctl.cli.ota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.certs.DeviceBundle;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.core.error.IotException;
import dev.iotctl.core.jobs.ExecutionStatus;
import dev.iotctl.core.jobs.JobExecution;
import dev.iotctl.core.jobs.JobStatus;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.core.policy.PolicyTemplate;
import dev.iotctl.device.mqtt.DeviceConnection;
import dev.iotctl.device.mqtt.DeviceConnectionSettings;
import dev.iotctl.device.mqtt.Qos;
import dev.iotctl.device.sample.ShadowDeviceApp;
import dev.iotctl.device.sample.ShadowDeviceArgs;
import dev.iotctl.device.tls.DeviceTls;
import dev.iotctl.local.LocalIotCore;
import dev.iotctl.local.LocalIotCoreConfig;
import dev.iotctl.local.http.LocalHttpApiFactory;
import dev.iotctl.local.jobs.Job;
import dev.iotctl.local.registry.CertificateMode;
import dev.iotctl.local.registry.CertificateStatus;
import dev.iotctl.local.registry.ThingPrincipalType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's "done when": fifty sample devices (each its own certificate and TLS connection, from
 * the stand-in's CA, the shipped device policy) on the stand-in; {@code iotctl ota rollout} sends
 * signed firmware to a canary group of five, then to the other 45 at a limited rate, and every
 * device reports the new version; a badly signed update is stopped by the canary, and sent to the
 * whole fleet it is aborted by the abort criteria after the threshold, the rest going from QUEUED
 * to CANCELED, which {@code iotctl jobs watch} shows. The stand-in's rollout minute lasts two
 * seconds.
 */
class OtaRolloutEndToEndTest {
  private static final int DEVICES = 50;
  private static final int CANARY = 5;

  @TempDir static Path dir;
  static Path data;
  static LocalIotCore core;
  static final List<ShadowDeviceApp> devices = new ArrayList<>();
  static DeviceConnection monitor;
  static final Map<String, AtomicLong> jobMessages = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    data = dir.resolve("stand-in");
    core =
        LocalIotCore.start(
            LocalIotCoreConfig.defaults(data)
                .withJobsMinute(Duration.ofSeconds(2))
                .withHttpApi(new LocalHttpApiFactory()));
  }

  @AfterAll
  static void stop() {
    devices.forEach(ShadowDeviceApp::stop);
    if (monitor != null) {
      monitor.close();
    }
    core.close();
  }

  private static CliRunner.Result iotctl(String... args) {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--local";
    all[args.length + 1] = data.toString();
    return CliRunner.run(all);
  }

  private static String thing(int i) {
    return String.format("dev-%04d", i);
  }

  @Test
  void canaryThenFleetEveryDeviceUpdatedAndABadSignatureIsStoppedAndAborted() throws Exception {
    long begin = System.nanoTime();
    Path policy = dir.resolve("device.json");
    Files.writeString(
        policy,
        PolicyTemplate.render(
            Files.readString(Path.of("../policies/device.json")),
            core.config().region(),
            core.config().accountId()));
    assertThat(iotctl("policy", "create", "device", "--file", policy.toString()).exitCode())
        .isZero();
    Path certs = dir.resolve("certs");
    var groups = core.registry().thingGroups();
    for (String group : List.of("canary", "fleet", "all")) {
      groups.create(group, Optional.empty(), Optional.empty(), Map.of());
    }
    for (int i = 1; i <= DEVICES; i++) {
      provision(thing(i), certs.resolve(thing(i)));
      groups.addThing(i <= CANARY ? "canary" : "fleet", thing(i));
      groups.addThing("all", thing(i));
    }
    Path keys = dir.resolve("keys");
    Path rogue = dir.resolve("rogue");
    assertThat(CliRunner.run("ota", "keygen", "--out", keys.toString()).exitCode()).isZero();
    assertThat(CliRunner.run("ota", "keygen", "--out", rogue.toString()).exitCode()).isZero();
    long provisioned = System.nanoTime();

    startDevices(certs, keys.resolve("code-signing.pub"));
    startMonitor();
    long connected = System.nanoTime();

    // 1. Signed firmware: canary of 5, then 45 at 20 things per (two-second) minute.
    Path good = firmware("fw-1.1.0.bin", 1);
    long m1 = messages();
    long r1 = System.nanoTime();
    CliRunner.Result rollout =
        iotctl(
            "ota",
            "rollout",
            "--canary",
            "canary",
            "--then",
            "fleet",
            "--file",
            good.toString(),
            "--key",
            keys.resolve("code-signing.key").toString(),
            "--firmware-version",
            "1.1.0",
            "--rate",
            "20",
            "--abort-on-failure",
            "20%",
            "--abort-min-executed",
            "3",
            "--job-id-prefix",
            "fw110",
            "--interval",
            "200ms",
            "--output",
            "text");
    long rolledOut = System.nanoTime();
    assertThat(rollout.exitCode()).as(rollout.out() + rollout.err()).isZero();
    assertThat(rollout.out())
        .contains("fw110-canary COMPLETED")
        .contains("fw110-fleet COMPLETED  queued 0  in-progress 0  succeeded 45")
        .contains("\tsucceeded\t");
    for (ShadowDeviceApp device : devices) {
      assertThat(device.firmwareVersion()).isEqualTo("1.1.0");
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> reportedVersions().stream().allMatch("1.1.0"::equals));
    Job fleet = core.jobs().describeJob("fw110-fleet").job();
    assertThat(fleet.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(core.jobs().describeJob("fw110-fleet").counts().of(ExecutionStatus.SUCCEEDED))
        .isEqualTo(DEVICES - CANARY);
    long m2 = messages();

    // 2. A badly signed update: the canary fails, so the fleet job is never created.
    Path bad = firmware("fw-1.2.0.bin", 2);
    CliRunner.Result stopped =
        iotctl(
            "ota",
            "rollout",
            "--canary",
            "canary",
            "--then",
            "fleet",
            "--file",
            bad.toString(),
            "--key",
            rogue.resolve("code-signing.key").toString(),
            "--firmware-version",
            "1.2.0",
            "--abort-on-failure",
            "20%",
            "--abort-min-executed",
            "3",
            "--job-id-prefix",
            "fw120",
            "--interval",
            "200ms");
    assertThat(stopped.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(Json.MAPPER.readTree(lastJsonObject(stopped.out())).path("result").asText())
        .isEqualTo("canary failed: the fleet job was not created");
    assertThat(core.jobs().describeJob("fw120-canary").counts().of(ExecutionStatus.SUCCEEDED))
        .isZero();
    assertThat(jobExists("fw120-fleet")).isFalse();

    // 3. Sent to all 50 at 10 per minute, it is aborted once 20% of >= 5 finished ones failed.
    long r3 = System.nanoTime();
    CliRunner.Result aborted =
        iotctl(
            "ota",
            "rollout",
            "--then",
            "all",
            "--file",
            bad.toString(),
            "--key",
            rogue.resolve("code-signing.key").toString(),
            "--firmware-version",
            "1.2.0",
            "--rate",
            "10",
            "--abort-on-failure",
            "20%",
            "--abort-min-executed",
            "5",
            "--job-id-prefix",
            "fw120all",
            "--interval",
            "200ms",
            "--output",
            "text");
    long abortedAt = System.nanoTime();
    assertThat(aborted.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(aborted.out()).contains("fw120all-fleet CANCELED").contains("fleet job canceled");
    var view = core.jobs().describeJob("fw120all-fleet");
    assertThat(view.job().comment().orElseThrow())
        .startsWith("Job aborted: FAILED executions reached 20% of at least 5 executed things");
    assertThat(view.counts().of(ExecutionStatus.SUCCEEDED)).isZero();
    assertThat(view.counts().of(ExecutionStatus.FAILED)).isBetween(5L, 20L);
    assertThat(view.counts().of(ExecutionStatus.QUEUED)).isZero();
    assertThat(view.counts().of(ExecutionStatus.CANCELED)).isGreaterThanOrEqualTo(30);
    List<JobExecution> canceled =
        core.jobs()
            .listExecutionsForJob(
                "fw120all-fleet", Optional.of(ExecutionStatus.CANCELED), 250, null)
            .items();
    assertThat(canceled)
        .as("they never started: QUEUED went straight to CANCELED")
        .allSatisfy(e -> assertThat(e.startedAt()).isNull());
    CliRunner.Result watch = iotctl("jobs", "watch", "fw120all-fleet", "--output", "text");
    assertThat(watch.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(watch.out())
        .contains("fw120all-fleet CANCELED  queued 0")
        .contains("succeeded 0")
        .contains("Job aborted");
    assertThat(reportedVersions()).allMatch("1.1.0"::equals);
    for (ShadowDeviceApp device : devices) {
      assertThat(device.firmwareVersion()).isEqualTo("1.1.0");
    }
    long m3 = messages();

    System.out.printf(
        "ota e2e: provision %d ms, %d devices connected in %d ms, rollout canary+fleet %d ms"
            + " (canary %d ms, fleet %d ms), bad canary+abort %d ms, abort rollout %d ms,"
            + " total %d ms; jobs MQTT messages: good rollout %d (%.1f per device),"
            + " bad rollouts %d%n",
        ms(provisioned - begin),
        DEVICES,
        ms(connected - provisioned),
        ms(rolledOut - r1),
        duration("fw110-canary"),
        duration("fw110-fleet"),
        ms(abortedAt - rolledOut),
        ms(abortedAt - r3),
        ms(System.nanoTime() - begin),
        m2 - m1,
        (m2 - m1) / (double) DEVICES,
        m3 - m2);
    jobMessages.forEach((kind, n) -> System.out.println("  jobs messages " + kind + ": " + n));
  }

  private static void startDevices(Path certs, Path codeSigningKey) throws Exception {
    ExecutorService starters = Executors.newFixedThreadPool(8);
    try {
      List<Future<ShadowDeviceApp>> started = new ArrayList<>();
      for (int i = 1; i <= DEVICES; i++) {
        String name = thing(i);
        Path bundle = certs.resolve(name);
        String[] args = {
          "--device_name", name,
          "--endpoint", "127.0.0.1",
          "--port", Integer.toString(core.mqttPort()),
          "--root_ca", core.rootCaPath().toString(),
          "--cert", bundle.resolve(DeviceBundle.CERTIFICATE).toString(),
          "--private", bundle.resolve(DeviceBundle.PRIVATE_KEY).toString(),
          "--code_signing_key", codeSigningKey.toString(),
          "--firmware_dir", dir.resolve("firmware").resolve(name).toString(),
          "--wait_time", "3600"
        };
        var config = ShadowDeviceArgs.parse(args);
        started.add(starters.submit(() -> startWithRetry(config)));
      }
      for (Future<ShadowDeviceApp> f : started) {
        ShadowDeviceApp app = f.get();
        devices.add(app);
        assertThat(app.firmwareVersion()).isEqualTo("1.0.0");
      }
    } finally {
      starters.shutdown();
    }
  }

  /**
   * A thing with its own key and certificate from the stand-in's CA, registered ACTIVE, attached to
   * the thing and carrying the shipped device policy (what {@code iotctl certs issue
   * --create-thing} does, without its HTTP round trips).
   */
  private static void provision(String name, Path bundle) throws Exception {
    KeyPair keys = KeyPairs.generate(KeyType.EC_P256);
    X509Certificate certificate =
        core.certificateAuthority()
            .issueDeviceCertificate(keys.getPublic(), name, Duration.ofDays(30));
    Files.createDirectories(bundle);
    Pem.writeAtomically(bundle.resolve(DeviceBundle.CERTIFICATE), Pem.toPem(certificate));
    Pem.writePrivateKey(bundle.resolve(DeviceBundle.PRIVATE_KEY), keys.getPrivate());
    var registry = core.registry();
    registry.things().create(name, Optional.empty(), Map.of());
    String id =
        registry
            .certificates()
            .register(
                Pem.toPem(certificate),
                CertificateStatus.ACTIVE,
                CertificateMode.DEFAULT,
                Optional.empty())
            .id();
    String arn = "arn:aws:iot:us-east-1:" + core.config().accountId() + ":cert/" + id;
    registry.policies().attach("device", arn);
    registry.thingPrincipals().attach(name, arn, ThingPrincipalType.EXCLUSIVE_THING);
  }

  /**
   * Starts a device, retrying twice: on a loaded machine Moquette 0.17 now and then drops a
   * connection whose first SUBSCRIBE overtakes its own CONNECT handling ("SUBSCRIBE received on
   * already closed connection"); a real device reconnects the same way.
   */
  private static ShadowDeviceApp startWithRetry(
      dev.iotctl.device.sample.ShadowDeviceConfig config) {
    for (int attempt = 1; ; attempt++) {
      ShadowDeviceApp app = new ShadowDeviceApp(config);
      try {
        app.start();
        return app;
      } catch (RuntimeException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** Counts every message on the devices' jobs topics, by kind, through the operator identity. */
  private static void startMonitor() throws Exception {
    Path operator = core.operatorDir();
    monitor =
        DeviceConnection.open(
            DeviceConnectionSettings.of("127.0.0.1", core.mqttPort(), "iotctl-operator-e2e"),
            DeviceTls.fromPemFiles(
                core.rootCaPath(),
                operator.resolve(DeviceBundle.CERTIFICATE),
                operator.resolve(DeviceBundle.PRIVATE_KEY)));
    monitor
        .subscribe(
            "$aws/things/+/jobs/#",
            Qos.AT_LEAST_ONCE,
            (topic, payload) -> {
              String[] levels = topic.split("/");
              String kind = String.join("/", Arrays.copyOfRange(levels, 4, levels.length));
              kind = kind.replaceAll("^fw[^/]*/", "JOBID/");
              jobMessages.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            })
        .get();
  }

  private static long messages() {
    return jobMessages.values().stream().mapToLong(AtomicLong::get).sum();
  }

  private static Path firmware(String name, long seed) throws Exception {
    byte[] bytes = new byte[64 * 1024];
    new Random(seed).nextBytes(bytes);
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  private static List<String> reportedVersions() throws Exception {
    List<String> versions = new ArrayList<>();
    for (int i = 1; i <= DEVICES; i++) {
      JsonNode shadow = Json.MAPPER.readTree(core.shadowService().get(thing(i), null, null).json());
      versions.add(shadow.at("/state/reported/firmware_version").asText());
    }
    return versions;
  }

  private static boolean jobExists(String jobId) {
    try {
      core.jobs().describeJob(jobId);
      return true;
    } catch (IotException e) {
      return false;
    }
  }

  private static long duration(String jobId) {
    Job job = core.jobs().describeJob(jobId).job();
    return Duration.between(job.createdAt(), job.completedAt().orElseThrow()).toMillis();
  }

  private static String lastJsonObject(String out) {
    return out.substring(out.lastIndexOf("\n{") + 1);
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
