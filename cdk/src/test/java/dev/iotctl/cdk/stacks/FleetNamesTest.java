package dev.iotctl.cdk.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bindings function's fixed name: what shards build their service token from. */
class FleetNamesTest {
  @Test
  void aShortFleetNameIsUsedAsIs() {
    assertThat(FleetNames.bindingsFunction("demo")).isEqualTo("iotctl-demo-bindings");
  }

  @Test
  void aLongFleetNameStaysWithinLambdasLimitAndDistinct() {
    String a = FleetNames.bindingsFunction("a".repeat(60) + "-one");
    String b = FleetNames.bindingsFunction("a".repeat(60) + "-two");

    assertThat(a).hasSizeLessThanOrEqualTo(64).matches("[a-zA-Z0-9-_]+").isNotEqualTo(b);
    assertThat(FleetNames.bindingsFunction("a".repeat(60) + "-one")).isEqualTo(a);
  }
}
