package dev.iotctl.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.LocalStandIn;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results shaped and printed as the AWS CLI prints them: list commands print AWS's objects, {@code
 * --query} speaks the AWS CLI's JMESPath dialect, {@code --output} takes json, text, table and
 * yaml. (Byte-for-byte parity with /usr/bin/aws: {@link AwsCliParityTest}.)
 */
class OutputShapesTest {
  @TempDir static Path dir;
  static LocalStandIn standIn;

  @BeforeAll
  static void start() throws Exception {
    standIn = new LocalStandIn(dir.resolve("stand-in"), false);
    assertThat(standIn.run("things", "create", "lamp", "--attribute", "room=kitchen").exitCode())
        .isZero();
    assertThat(standIn.run("things", "create", "fan", "--attribute", "room=hall").exitCode())
        .isZero();
    standIn.createDevicePolicy("device");
    for (String device : new String[] {"lamp", "fan"}) {
      CliRunner.Result issued =
          standIn.run(
              "certs", "issue", device, "--policy", "device", "--out", dir.resolve("certs") + "");
      assertThat(issued.exitCode()).as(issued.err()).isZero();
    }
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  @Test
  void listsPrintAwsShapedObjects() throws Exception {
    CliRunner.Result things = standIn.run("things", "list");
    assertThat(things.exitCode()).isZero();
    assertThat(things.firstOut()).isEqualTo("{");
    JsonNode json = Json.MAPPER.readTree(things.out());
    assertThat(json.fieldNames()).toIterable().containsExactly("things");
    assertThat(json.path("things").get(0).fieldNames())
        .toIterable()
        .containsExactly("thingName", "thingArn", "attributes", "version");

    JsonNode certificates = Json.MAPPER.readTree(standIn.run("certs", "list").out());
    assertThat(certificates.path("certificates").get(0).fieldNames())
        .toIterable()
        .containsExactly(
            "certificateArn", "certificateId", "status", "certificateMode", "creationDate");
    assertThat(certificates.path("certificates").get(0).path("creationDate").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00");

    JsonNode policies = Json.MAPPER.readTree(standIn.run("policy", "list").out());
    assertThat(policies.path("policies").findValuesAsText("policyName")).contains("device");
  }

  @Test
  void queryTakesTheAwsCliDialectWithBacktickLiterals() {
    CliRunner.Result names =
        standIn.run("things", "list", "--query", "things[].thingName", "--output", "text");
    assertThat(names.exitCode()).isZero();
    assertThat(names.out()).isEqualTo("fan\tlamp\n");

    CliRunner.Result kitchen =
        standIn.run(
            "things",
            "list",
            "--query",
            "things[?attributes.room==`kitchen`].thingName",
            "--output",
            "text");
    assertThat(kitchen.exitCode()).isZero();
    assertThat(kitchen.out()).isEqualTo("lamp\n");

    CliRunner.Result json =
        standIn.run("things", "list", "--query", "things[?attributes.room==`\"hall\"`].thingName");
    assertThat(json.out()).isEqualToIgnoringWhitespace("[\"fan\"]");
  }

  @Test
  void aQueryThatSelectsNothingPrintsNullAndExitsZero() {
    CliRunner.Result json = standIn.run("things", "list", "--query", "nothing");
    assertThat(json.exitCode()).isZero();
    assertThat(json.out()).isEqualTo("null\n");

    CliRunner.Result text = standIn.run("things", "list", "--query", "nothing", "-o", "text");
    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).isEqualTo("None\n");

    CliRunner.Result table = standIn.run("things", "list", "--query", "nothing", "-o", "table");
    assertThat(table.exitCode()).isZero();
    assertThat(table.out()).isEmpty();
  }

  @Test
  void aQueryThatDoesNotParseIsAUsageErrorWithTheParsersMessage() {
    CliRunner.Result r = standIn.run("things", "list", "--query", "things[?");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.firstErr()).startsWith("error: Bad value for --query things[?: ");
    assertThat(r.err()).doesNotContain("--debug");
  }

  @Test
  void textIsTheAwsCliTextNotPaths() {
    CliRunner.Result r = standIn.run("certs", "list", "--output", "text");
    assertThat(r.exitCode()).isZero();
    assertThat(r.firstOut()).matches("CERTIFICATES\tarn:aws:iot:[^\t]+\t[0-9a-f]{64}\t.+");
    assertThat(r.out()).doesNotContain("[0].certificateId");
  }

  @Test
  void tableAndYamlAreAvailable() {
    CliRunner.Result table = standIn.run("things", "list", "--output", "table");
    assertThat(table.exitCode()).isZero();
    assertThat(table.firstOut()).matches("-{20,}");
    assertThat(table.out().lines().skip(1).findFirst().orElseThrow()).contains("ListThings");

    CliRunner.Result yaml = standIn.run("things", "list", "--output", "yaml");
    assertThat(yaml.exitCode()).isZero();
    assertThat(yaml.firstOut()).isEqualTo("things:");
    assertThat(yaml.out()).contains("- attributes:\n    room: hall\n");
  }

  @Test
  void describeHasTheSameShapeForOneCertificateOrADevicesMany() throws Exception {
    CliRunner.Result byDevice = standIn.run("certs", "describe", "lamp");
    assertThat(byDevice.exitCode()).isZero();
    assertThat(byDevice.firstOut()).isEqualTo("{");
    JsonNode device = Json.MAPPER.readTree(byDevice.out());
    String id = device.path("certificates").get(0).path("certificateId").asText();

    JsonNode byId = Json.MAPPER.readTree(standIn.run("certs", "describe", id).out());
    assertThat(byId.fieldNames()).toIterable().containsExactly("certificates");
    assertThat(byId.path("certificates")).hasSize(1);
    assertThat(byId.path("certificates").get(0).fieldNames())
        .toIterable()
        .containsExactlyElementsOf(() -> device.path("certificates").get(0).fieldNames());
    CliRunner.Result query =
        standIn.run("certs", "describe", "lamp", "--query", "certificates[].status", "-o", "text");
    assertThat(query.out()).isEqualTo("ACTIVE\n");
  }
}
