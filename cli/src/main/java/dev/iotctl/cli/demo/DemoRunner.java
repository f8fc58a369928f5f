package dev.iotctl.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsTarget;
import dev.iotctl.cli.aws.LocalTarget;
import dev.iotctl.cli.aws.Retries;
import dev.iotctl.cli.certs.CertificateIssuer;
import dev.iotctl.cli.certs.CertificateRevoker;
import dev.iotctl.cli.certs.DeviceBundle;
import dev.iotctl.cli.certs.DeviceEndpoint;
import dev.iotctl.cli.certs.IssueRequest;
import dev.iotctl.cli.certs.IssueResult;
import dev.iotctl.cli.device.DeviceConfigs;
import dev.iotctl.cli.framework.CliEnvironment;
import dev.iotctl.cli.local.StandIn;
import dev.iotctl.cli.shadow.ShadowTool;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.policy.PolicyTemplate;
import dev.iotctl.device.mqtt.DeviceConnection;
import dev.iotctl.device.mqtt.DeviceConnectionException;
import dev.iotctl.device.mqtt.DeviceConnectionSettings;
import dev.iotctl.device.sample.ShadowDeviceApp;
import dev.iotctl.device.sample.ShadowDeviceConfig;
import dev.iotctl.device.tls.DeviceTls;
import dev.iotctl.local.LocalIotCore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The story of AWS's IoT hands-on, told against an embedded stand-in: two devices, one policy, a
 * certificate each, shadow sync both ways, and one device revoked while the other carries on. Every
 * step is observed, not assumed; the first one not observed fails the demo.
 */
public final class DemoRunner {
  static final String POLICY = "iotctl-demo-device";
  private static final Duration OBSERVE = Duration.ofSeconds(15);

  private final Path workDir;
  private final PrintWriter out;

  public DemoRunner(Path workDir, PrintWriter out) {
    this.workDir = workDir;
    this.out = out;
  }

  /** A row of the final table. */
  public record DeviceRow(
      String device, String certificateId, String status, int waitTime, boolean connected) {}

  public List<DeviceRow> run() throws Exception {
    Narrator n = new Narrator(out);
    Path dataDir = workDir.resolve("stand-in");
    Path certs = workDir.resolve("certs");
    List<String> devices = List.of("demo-device-1", "demo-device-2");
    List<ShadowDeviceApp> apps = new ArrayList<>();
    try (LocalIotCore core =
            n.step("Start the local IoT Core stand-in", () -> StandIn.start(dataDir, 0, 0, false));
        AwsClients clients =
            new AwsClients(
                AwsTarget.local(LocalTarget.read(dataDir)),
                CliEnvironment.system(),
                Retries.DURABLE)) {
      n.note("MQTT 127.0.0.1:" + core.mqttPort() + ", HTTP " + core.httpUrl().orElseThrow());
      String devicePolicy = resource("/policies/device.json");
      n.step(
          "Create the device policy from policies/device.json",
          () ->
              clients
                  .iot()
                  .createPolicy(
                      r ->
                          r.policyName(POLICY)
                              .policyDocument(
                                  PolicyTemplate.render(
                                      devicePolicy,
                                      core.config().region(),
                                      core.config().accountId()))));
      for (String device : devices) {
        n.step("Create thing " + device, () -> clients.iot().createThing(r -> r.thingName(device)));
      }
      CertificateIssuer issuer = new CertificateIssuer(clients.iot(), DeviceEndpoint.of(clients));
      List<IssueResult> issued = new ArrayList<>();
      for (String device : devices) {
        issued.add(
            n.step(
                "Issue a certificate for " + device + " (key made locally, CSR signed)",
                () ->
                    issuer.issue(
                        new IssueRequest(
                            device,
                            List.of(POLICY),
                            null,
                            KeyType.EC_P256,
                            certs.resolve(device),
                            false,
                            null,
                            Map.of()))));
      }
      ShadowTool shadows = new ShadowTool(clients.data());
      for (IssueResult result : issued) {
        ShadowDeviceApp app = new ShadowDeviceApp(deviceConfig(result.bundleDir()));
        apps.add(app);
        n.step(
            "Start " + result.device() + " with its own certificate",
            () -> {
              app.start();
              return null;
            });
      }
      for (String device : devices) {
        n.step(
            device + " reports wait_time = 5",
            () -> await(() -> reported(shadows, device) == 5, device + " did not report 5"));
      }
      for (String device : devices) {
        n.step(
            "Mobile app sets desired.wait_time = 10 for " + device,
            () ->
                shadows.update(
                    device, null, ShadowTool.updateDocument("desired", number(10), null)));
      }
      for (int i = 0; i < devices.size(); i++) {
        String device = devices.get(i);
        ShadowDeviceApp app = apps.get(i);
        n.step(
            device + " gets the delta, applies it and reports 10; no delta left",
            () ->
                await(
                    () ->
                        app.waitTime() == 10
                            && reported(shadows, device) == 10
                            && !shadow(shadows, device).path("state").has("delta"),
                    device + " did not converge"));
      }
      IssueResult first = issued.get(0);
      n.step(
          "Revoke " + first.device() + " only",
          () ->
              new CertificateRevoker(clients.iot())
                  .revoke(first.device(), List.of(), false, "demo"));
      n.step(
          first.device() + " is disconnected",
          () -> await(() -> !apps.get(0).isConnected(), first.device() + " is still connected"));
      apps.get(0).stop();
      n.step(
          first.device() + " is refused when it reconnects",
          () -> {
            refusedOnReconnect(first.bundleDir(), first.device());
            return null;
          });
      String second = devices.get(1);
      n.step(
          second + " keeps working: desired.wait_time = 3 is applied and reported",
          () -> {
            shadows.update(second, null, ShadowTool.updateDocument("desired", number(3), null));
            return await(
                () ->
                    apps.get(1).isConnected()
                        && apps.get(1).waitTime() == 3
                        && reported(shadows, second) == 3,
                second + " did not converge");
          });
      List<DeviceRow> rows = new ArrayList<>();
      for (int i = 0; i < devices.size(); i++) {
        IssueResult r = issued.get(i);
        String status =
            clients
                .iot()
                .describeCertificate(d -> d.certificateId(r.certificateId()))
                .certificateDescription()
                .statusAsString();
        rows.add(
            new DeviceRow(
                r.device(),
                r.certificateId(),
                status,
                reported(shadows, r.device()),
                apps.get(i).isConnected()));
      }
      printTable(rows, n.elapsed());
      return rows;
    } finally {
      apps.forEach(ShadowDeviceApp::close);
    }
  }

  private static ShadowDeviceConfig deviceConfig(Path bundleDir) {
    return DeviceConfigs.forBundle(bundleDir, 0, null);
  }

  private static void refusedOnReconnect(Path bundleDir, String device) throws Exception {
    DeviceBundle bundle = DeviceBundle.read(bundleDir).orElseThrow();
    var tls =
        DeviceTls.fromPemFiles(
            bundleDir.resolve(DeviceBundle.ROOT_CA),
            bundleDir.resolve(DeviceBundle.CERTIFICATE),
            bundleDir.resolve(DeviceBundle.PRIVATE_KEY));
    try (DeviceConnection c =
        DeviceConnection.open(
            DeviceConnectionSettings.of(bundle.endpoint(), bundle.port(), device), tls)) {
      throw new AssertionError(device + " could connect with a revoked certificate");
    } catch (DeviceConnectionException expected) {
      // Refused during the TLS handshake: the certificate is no longer ACTIVE.
    }
  }

  private static int reported(ShadowTool shadows, String device) {
    return shadow(shadows, device).path("state").path("reported").path("wait_time").asInt(-1);
  }

  private static JsonNode shadow(ShadowTool shadows, String device) {
    try {
      return ShadowTool.parse(shadows.get(device, null), "the shadow");
    } catch (RuntimeException e) {
      return dev.iotctl.cli.framework.Json.MAPPER.createObjectNode();
    }
  }

  private static JsonNode number(int waitTime) {
    return dev.iotctl.cli.framework.Json.MAPPER.createObjectNode().put("wait_time", waitTime);
  }

  /** Polls until the condition holds (bounded), else fails the step with the message. */
  private static Boolean await(BooleanSupplier condition, String failure)
      throws InterruptedException {
    long deadline = System.nanoTime() + OBSERVE.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(failure + " within " + OBSERVE.toSeconds() + " s");
  }

  private void printTable(List<DeviceRow> rows, Duration total) {
    out.println();
    out.printf(
        "%-15s %-14s %-9s %-9s %-9s%n",
        "device", "certificate", "status", "wait_time", "connected");
    for (DeviceRow r : rows) {
      out.printf(
          "%-15s %-14s %-9s %-9d %-9s%n",
          r.device(),
          r.certificateId().substring(0, 12) + "…",
          r.status(),
          r.waitTime(),
          r.connected() ? "yes" : "no");
    }
    out.printf("%nevery step observed in %.1f s%n", total.toMillis() / 1000.0);
    out.flush();
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = DemoRunner.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException(path + " is missing from the iotctl jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
