package dev.iotctl.cdk.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two synths of one fleet must be identical, so maps keep the order of the fleet file. */
class FleetOrderTest {
  @Test
  void attributesKeepTheirDeclaredOrder() {
    List<String> keys = new ArrayList<>();
    StringBuilder attributes = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      keys.add("k" + (char) ('t' - i) + i);
      attributes.append(attributes.length() == 0 ? "" : ", ").append(keys.get(i)).append(": v");
    }
    FleetSpec spec =
        FleetFile.parse(
            "fleet.yaml", "name: f\nthings:\n  - name: a\n    attributes: {" + attributes + "}\n");

    assertThat(spec.things().get(0).attributes().keySet()).containsExactlyElementsOf(keys);
  }
}
