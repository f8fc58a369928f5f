package dev.iotctl.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.LocalStandIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reference for iotctl's output formats and query dialect is the AWS CLI itself: the same
 * listing, query and format through Debian's {@code /usr/bin/aws} and through iotctl, against one
 * stand-in, print the same bytes.
 */
@Tag("peers")
class AwsCliParityTest {
  private static final Path AWS = Path.of("/usr/bin/aws");

  static Path dir;
  static LocalStandIn standIn;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        Files.isExecutable(AWS), "/usr/bin/aws (Debian's awscli) is not installed: parity not run");
    dir = Files.createTempDirectory("iotctl-parity-");
    standIn = new LocalStandIn(dir.resolve("stand-in"), false);
    standIn.run(
        "things", "create", "lamp", "--attribute", "room=kitchen", "--attribute", "floor=1");
    standIn.run("things", "create", "fan", "--attribute", "room=hall");
    standIn.run("things", "create", "bare");
    Path policy = dir.resolve("device.json");
    Files.copy(Path.of("../policies/device.json"), policy);
    standIn.run("policy", "create", "device", "--file", policy.toString());
    standIn.run("certs", "issue", "lamp", "--policy", "device", "--out", dir + "/certs");
  }

  @AfterAll
  static void stop() {
    if (standIn != null) {
      standIn.close();
    }
  }

  @ParameterizedTest(name = "{0} {1} --output {2} --query {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "iot list-things       | things list | json  |",
        "iot list-things       | things list | text  |",
        "iot list-things       | things list | table |",
        "iot list-things       | things list | yaml  |",
        "iot list-things       | things list | json  | things[].thingName",
        "iot list-things       | things list | text  | things[].thingName",
        "iot list-things       | things list | text  | things[?attributes.room==`kitchen`]",
        "iot list-things       | things list | table | things[?attributes.room==`kitchen`]",
        "iot list-things       | things list | json  | things[?attributes.room=='hall'].thingName",
        "iot list-things       | things list | text  | things[].[thingName,version]",
        "iot list-things       | things list | table | things[].{n:thingName,v:version}",
        "iot list-things       | things list | table | things[0]",
        "iot list-things       | things list | json  | length(things)",
        "iot list-things       | things list | json  | nothing",
        "iot list-things       | things list | text  | nothing",
        "iot list-certificates | certs list  | text  |",
        "iot list-certificates | certs list  | table |",
        "iot list-policies     | policy list | table |",
      })
  void printsWhatTheAwsCliPrints(String aws, String iotctl, String format, String query)
      throws Exception {
    List<String> awsArgs = new ArrayList<>(List.of(aws.split(" ")));
    awsArgs.addAll(List.of("--output", format));
    List<String> iotctlArgs = new ArrayList<>(List.of(iotctl.split(" ")));
    iotctlArgs.addAll(List.of("--output", format));
    if (query != null) {
      awsArgs.addAll(List.of("--query", query));
      iotctlArgs.addAll(List.of("--query", query));
    }
    String expected = aws(awsArgs);
    CliRunner.Result ours = standIn.run(iotctlArgs.toArray(String[]::new));
    assertThat(ours.exitCode()).as(ours.err()).isZero();
    assertThat(ours.out()).isEqualTo(expected);
  }

  private static String aws(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(AWS.toString());
    command.addAll(args);
    command.addAll(
        List.of(
            "--endpoint-url", standIn.core.httpUrl().orElseThrow().toString(), "--no-paginate"));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_"));
    env.put("AWS_ACCESS_KEY_ID", "AKIDLOCALSTANDIN");
    env.put("AWS_SECRET_ACCESS_KEY", "local-stand-in-secret");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_CONFIG_FILE", "/dev/null");
    env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    env.put("AWS_PAGER", "");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    return out;
  }
}
