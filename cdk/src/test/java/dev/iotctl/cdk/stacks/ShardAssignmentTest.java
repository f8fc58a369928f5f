package dev.iotctl.cdk.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link ShardAssignment} is a pure function: no CDK needed. */
class ShardAssignmentTest {
  @Test
  void theHashIsFixedForTheLifeOfAFleet() {
    // Changing the function would move every deployed device to another stack.
    assertThat(
            IntStream.range(0, 6)
                .map(i -> ShardAssignment.shardOf("device-0000" + i, 16))
                .toArray())
        .containsExactly(8, 3, 9, 11, 5, 7);
  }

  @Test
  void everyShardIsInRange() {
    assertThat(IntStream.range(0, 10_000).map(i -> ShardAssignment.shardOf("d" + i, 7)))
        .allMatch(s -> s >= 0 && s < 7);
  }

  @Test
  void tenThousandDevicesSpreadWithinFifteenPercentOfEven() {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int i = 0; i < 10_000; i++) {
      counts.merge(ShardAssignment.shardOf(String.format("device-%05d", i), 16), 1, Integer::sum);
    }
    assertThat(counts).hasSize(16);
    assertThat(counts.values()).allMatch(c -> c > 625 * 0.85 && c < 625 * 1.15);
  }

  @Test
  void oneShardTakesEverything() {
    assertThat(ShardAssignment.shardOf("anything", 1)).isZero();
  }

  @Test
  void dependsOnTheNameNotOnOtherThings() {
    assertThat(ShardAssignment.shardOf("sensor-001", 4))
        .isEqualTo(ShardAssignment.shardOf(new String("sensor-001".toCharArray()), 4));
  }
}
