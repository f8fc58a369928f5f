package dev.iotctl.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.LocalStandIn;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.core.pki.Csrs;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.local.registry.ThingFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iotctl fleet register} against a running stand-in. */
class FleetRegisterCommandTest {
  static final String TEMPLATE =
      """
      {"Parameters":{"ThingName":{"Type":"String"},"CSR":{"Type":"String"}},
       "Resources":{
         "thing":{"Type":"AWS::IoT::Thing","Properties":{"ThingName":{"Ref":"ThingName"}}},
         "certificate":{"Type":"AWS::IoT::Certificate","Properties":{
           "CertificateSigningRequest":{"Ref":"CSR"},"Status":"ACTIVE"}}}}
      """;

  @TempDir Path dir;
  LocalStandIn standIn;

  @BeforeEach
  void start() {
    standIn = new LocalStandIn(dir.resolve("stand-in"), false);
  }

  @AfterEach
  void stop() {
    standIn.close();
  }

  @Test
  void registersEveryGoodLineAndReportsTheBadOnes() throws Exception {
    Path template = dir.resolve("template.json");
    Files.writeString(template, TEMPLATE);
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      String csr = Csrs.toPem(Csrs.create(KeyPairs.generate(KeyType.EC_P256), "line-" + i));
      lines
          .append(Json.MAPPER.createObjectNode().put("ThingName", "line-" + i).put("CSR", csr))
          .append('\n');
    }
    lines.append("not json\n");
    lines.append("{\"ThingName\":\"no-csr\"}\n");
    Path input = dir.resolve("devices.jsonl");
    Files.writeString(input, lines);
    Path reports = dir.resolve("reports");

    CliRunner.Result result =
        standIn.run(
            "fleet",
            "register",
            "--template",
            template.toString(),
            "--input",
            input.toString(),
            "--reports",
            reports.toString(),
            "--output",
            "json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.FAILURE);
    JsonNode summary = Json.MAPPER.readTree(result.out());
    assertThat(summary.path("status").asText()).isEqualTo("Completed");
    assertThat(summary.path("successCount").asInt()).isEqualTo(10);
    assertThat(summary.path("failureCount").asInt()).isEqualTo(2);
    assertThat(Files.readAllLines(reports.resolve("results.jsonl"))).hasSize(10);
    assertThat(Files.readAllLines(reports.resolve("errors.jsonl")))
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).contains("errorMessage"));
    assertThat(result.err()).contains("100%");
    assertThat(standIn.core.registry().things().describe("line-9").name()).isEqualTo("line-9");
    // Nothing half-made for the failed lines.
    assertThat(standIn.core.registry().things().list(ThingFilter.none(), 250, null).items())
        .hasSize(10);
  }

  @Test
  void aTemplateByNameAndUsageErrors() throws Exception {
    assertThat(standIn.run("fleet", "register", "--template", "nope").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    Path input = dir.resolve("one.jsonl");
    Files.writeString(input, "{\"ThingName\":\"a\"}\n");
    assertThat(
            standIn
                .run(
                    "fleet",
                    "register",
                    "--template",
                    "missing-template",
                    "--input",
                    input.toString())
                .exitCode())
        .isEqualTo(ExitCodes.NOT_FOUND);
  }
}
