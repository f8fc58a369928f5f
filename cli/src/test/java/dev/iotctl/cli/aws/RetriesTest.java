package dev.iotctl.cli.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cli.LocalStandIn;
import dev.iotctl.cli.framework.CliEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throttling is the SDK's to handle, through its retry strategy settings: against a stand-in that
 * throttles at AWS's default rates, a burst well above them completes with {@link Retries#DURABLE},
 * and the request log sees the throttled answers and the retries.
 */
class RetriesTest {
  @TempDir Path dir;

  @Test
  void aBurstAboveTheQuotaIsRetriedByTheSdkUntilItSucceeds() throws Exception {
    try (LocalStandIn standIn = new LocalStandIn(dir, true);
        AwsClients clients =
            new AwsClients(
                AwsTarget.local(LocalTarget.read(dir)), CliEnvironment.system(), Retries.DURABLE)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      long start = System.nanoTime();
      try {
        List<Future<?>> calls = new ArrayList<>();
        // DescribeEndpoint: 10 per second by default; 25 at once are throttled.
        for (int i = 0; i < 25; i++) {
          calls.add(
              pool.submit(
                  () -> clients.iot().describeEndpoint(r -> r.endpointType("iot:Data-ATS"))));
        }
        for (Future<?> call : calls) {
          call.get();
        }
      } finally {
        pool.shutdownNow();
      }
      System.out.printf(
          "25 calls at 10/s: %d ms, %d throttled, %d retries%n",
          (System.nanoTime() - start) / 1_000_000,
          clients.requests().throttled(),
          clients.requests().retries());
      assertThat(clients.requests().throttled()).isPositive();
      assertThat(clients.requests().retries())
          .isGreaterThanOrEqualTo(clients.requests().throttled());
    }
  }
}
