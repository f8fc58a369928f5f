package dev.iotctl.cli.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.LocalStandIn;
import dev.iotctl.cli.certs.DeviceBundle;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.local.rules.RulesStats;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Targeting the stand-in: {@code --local} is a flag (the stand-in's dir comes from {@code
 * --local-dir} or {@code IOTCTL_LOCAL_DIR}), {@code local env} prints what points the AWS CLI and
 * iotctl at it, a lone loopback {@code --endpoint-url} serves both planes, and an endpoint that
 * does not answer is named.
 */
class TargetingTest {
  @TempDir static Path dir;
  @TempDir static Path home;
  static LocalStandIn standIn;

  @BeforeAll
  static void start() {
    standIn = new LocalStandIn(dir.resolve("stand-in"), false);
    assertThat(standIn.run("shadow", "update", "lamp", "--desired", "{\"on\":true}").exitCode())
        .isZero();
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  /** An environment with nothing of the real one: no AWS settings, no ~/.aws, no IMDS. */
  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", home.toString());
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void localIsAFlagThatLeavesTheNextWordAlone() throws Exception {
    CliRunner.Result r =
        CliRunner.run(
            env("IOTCTL_LOCAL_DIR", standIn.dataDir.toString()),
            "shadow",
            "get",
            "--local",
            "lamp");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Json.MAPPER.readTree(r.out()).at("/state/desired/on").asBoolean()).isTrue();

    CliRunner.Result dir =
        CliRunner.run(env(), "shadow", "get", "lamp", "--local-dir", standIn.dataDir.toString());
    assertThat(dir.exitCode()).as(dir.err()).isZero();
    assertThat(dir.firstOut()).startsWith("{");

    // Scripts written for --local DIR keep working: a path is never a thing name.
    CliRunner.Result legacy =
        CliRunner.run(env(), "shadow", "get", "lamp", "--local", standIn.dataDir.toString());
    assertThat(legacy.exitCode()).as(legacy.err()).isZero();
  }

  @Test
  void localCommandsTakeLocalDirAndTheEnvironmentToo() throws Exception {
    Path statsDir = Files.createTempDirectory(dir, "stats");
    TreeMap<String, dev.iotctl.local.rules.RuleCounters> rules = new TreeMap<>();
    rules.put("hot", new dev.iotctl.local.rules.RuleCounters(3, 2, 1));
    new RulesStats(1L, rules, 0, 0).write(statsDir);

    CliRunner.Result fromEnv =
        CliRunner.run(
            env("IOTCTL_LOCAL_DIR", statsDir.toString()),
            "local",
            "stats",
            "--query",
            "rules.hot.failed");
    assertThat(fromEnv.exitCode()).as(fromEnv.err()).isZero();
    assertThat(fromEnv.out()).isEqualTo("1\n");

    CliRunner.Result fromOption =
        CliRunner.run(env(), "local", "actions", "--local-dir", statsDir.toString());
    assertThat(fromOption.exitCode()).isZero();
    assertThat(fromOption.out()).isEmpty();
  }

  @Test
  void localEnvPrintsTheLinesThatPointEveryClientAtTheStandIn() {
    String url = standIn.core.httpUrl().orElseThrow().toString();
    CliRunner.Result r =
        CliRunner.run(env(), "local", "env", "--local-dir", standIn.dataDir.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.firstOut()).isEqualTo("export AWS_ENDPOINT_URL_IOT=" + url);
    assertThat(r.out())
        .contains("export AWS_ENDPOINT_URL_IOT_DATA_PLANE=" + url + "\n")
        .contains("AWS_ACCESS_KEY_ID=AKIDLOCALSTANDIN")
        .contains("AWS_REGION=us-east-1")
        .contains("export IOTCTL_LOCAL_DIR=" + standIn.dataDir.toAbsolutePath());
  }

  @Test
  void withTheExportedEnvironmentIotctlNeedsNoFlagsAndKnowsItIsTheStandIn(@TempDir Path out)
      throws Exception {
    Map<String, String> exported = env();
    CliRunner.run(env(), "local", "env", "--local-dir", standIn.dataDir.toString())
        .out()
        .lines()
        .forEach(
            line -> {
              for (String pair : line.substring("export ".length()).split(" ")) {
                String[] kv = pair.split("=", 2);
                exported.put(kv[0], kv[1]);
              }
            });
    Path policy = out.resolve("device.json");
    Files.copy(Path.of("../policies/device.json"), policy);
    assertThat(CliRunner.run(exported, "policy", "create", "env-device", "--file", policy + ""))
        .extracting(CliRunner.Result::exitCode)
        .isEqualTo(0);
    CliRunner.Result issued =
        CliRunner.run(
            exported,
            "certs",
            "issue",
            "env-lamp",
            "--policy",
            "env-device",
            "--create-thing",
            "--out",
            out.toString());
    assertThat(issued.exitCode()).as(issued.err()).isZero();
    // The stand-in's own CA and MQTT port, not Amazon's: it was recognised as the stand-in.
    DeviceBundle bundle = DeviceBundle.read(out.resolve("env-lamp")).orElseThrow();
    assertThat(bundle.port()).isEqualTo(standIn.core.mqttPort());
    assertThat(out.resolve("env-lamp").resolve(DeviceBundle.ROOT_CA))
        .hasSameTextualContentAs(standIn.core.rootCaPath());
  }

  @Test
  void aLoneLoopbackEndpointUrlServesTheDataPlaneToo() throws Exception {
    // The AWS CLI habit: dummy credentials in the environment and one --endpoint-url.
    CliRunner.Result r =
        CliRunner.run(
            env(
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "secret",
                "AWS_DEFAULT_REGION", "us-east-1",
                "IOTCTL_LOCAL_DIR", home.resolve("no-stand-in-here").toString()),
            "shadow",
            "get",
            "lamp",
            "--endpoint-url",
            standIn.core.httpUrl().orElseThrow().toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode shadow = Json.MAPPER.readTree(r.out());
    assertThat(shadow.at("/state/desired/on").asBoolean()).isTrue();
  }

  @Test
  void anEndpointThatDoesNotAnswerIsNamedWithExitEight() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket()) {
      free.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      port = free.getLocalPort();
    }
    CliRunner.Result r =
        CliRunner.run(
            env(
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "secret",
                "AWS_REGION", "us-east-1"),
            "things",
            "list",
            "--endpoint-url",
            "http://127.0.0.1:" + port);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(r.firstErr())
        .isEqualTo("error: cannot reach http://127.0.0.1:" + port + ": Connection refused");
  }
}
