package dev.iotctl.cdk.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.cdk.TestFleets;
import org.junit.jupiter.api.Test;

class FleetFileTest {

  @Test
  void exampleFleetLoadsWithDefaults() {
    Fleet fleet = FleetFile.load(TestFleets.REPO.resolve("fleet.yaml"));
    assertThat(fleet.spec().name()).isEqualTo("demo");
    assertThat(fleet.spec().things()).extracting(ThingSpec::name).contains("sensor-001");
    assertThat(fleet.spec().policies().get(0).file()).isEqualTo("policies/sensor.json");
    assertThat(fleet.spec().rules().get(0).sqlVersion()).isEqualTo("2016-03-23");
  }

  @Test
  void unknownKeyIsNamedWithItsPath() {
    String yaml = "name: f\nthings:\n  - name: a\n    certificate: {csr: x.csr, colour: red}\n";
    assertThatThrownBy(() -> FleetFile.parse("fleet.yaml", yaml))
        .isInstanceOf(FleetFileException.class)
        .hasMessageContaining("fleet.yaml: unknown key 'colour' at things[0].certificate")
        .hasMessageContaining("known keys: ca, csr, pem, status");
  }

  @Test
  void unknownTopLevelKeyIsNamed() {
    assertThatThrownBy(() -> FleetFile.parse("fleet.yaml", "name: f\ndevices: []\n"))
        .hasMessageContaining("unknown key 'devices' at the top level");
  }

  @Test
  void unknownRuleActionIsNamed() {
    String yaml =
        "name: f\nrules:\n  - name: r\n    sql: SELECT * FROM 'a'\n    actions:\n      - pigeon: {}\n";
    assertThatThrownBy(() -> FleetFile.parse("fleet.yaml", yaml))
        .hasMessageContaining("unknown rule action 'pigeon' at rules[0].actions[0]");
  }

  @Test
  void missingRequiredKeyIsNamedWithItsPath() {
    String yaml = "name: f\nthings:\n  - type: sensor\n";
    assertThatThrownBy(() -> FleetFile.parse("fleet.yaml", yaml))
        .hasMessageContaining("things[0]")
        .hasMessageContaining("missing required key 'name'");
  }

  @Test
  void duplicateKeyIsRejected() {
    assertThatThrownBy(() -> FleetFile.parse("fleet.yaml", "name: f\nname: g\n"))
        .hasMessageContaining("Duplicate field 'name'");
  }
}
