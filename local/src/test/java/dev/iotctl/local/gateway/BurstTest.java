package dev.iotctl.local.gateway;

import static dev.iotctl.local.gateway.GatewayFixture.closeQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;

/**
 * 10 publishers × N QoS 1 messages to one subscriber lose nothing. N is 2,000 here to keep the
 * build fast; {@code -Dburst.messages=10000} runs the full-size burst.
 */
class BurstTest {
  private static final int PUBLISHERS = 10;
  private static final int MESSAGES = Integer.getInteger("burst.messages", 2_000);

  @Test
  void qos1BurstToOneSubscriberLosesNothing() throws Exception {
    long t0 = System.nanoTime();
    try (GatewayFixture f = new GatewayFixture()) {
      System.out.printf("gateway ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      AtomicInteger received = new AtomicInteger();
      MqttClient sink = f.connect(f.registeredDevice("operator", "sink"), "sink");
      sink.subscribe("things/+/data", 1, (t, m) -> received.incrementAndGet());
      List<MqttClient> publishers = new ArrayList<>();
      for (int i = 0; i < PUBLISHERS; i++) {
        String id = "pub-" + i;
        publishers.add(f.connect(f.registeredDevice("thing", id), id));
      }
      ExecutorService pool = Executors.newFixedThreadPool(PUBLISHERS);
      try {
        byte[] payload = new byte[100];
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (MqttClient p : publishers) {
          String topic = "things/" + p.getClientId() + "/data";
          done.add(
              pool.submit(
                  () -> {
                    for (int n = 0; n < MESSAGES; n++) {
                      p.publish(topic, payload, 1, false);
                    }
                    return null;
                  }));
        }
        for (Future<?> d : done) {
          d.get();
        }
        int expected = PUBLISHERS * MESSAGES;
        await().atMost(Duration.ofSeconds(60)).until(() -> received.get() >= expected);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            "burst %d x %d QoS1: %d received in %.2f s = %.0f msg/s%n",
            PUBLISHERS, MESSAGES, received.get(), seconds, expected / seconds);
        assertThat(received.get()).isEqualTo(expected);
      } finally {
        pool.shutdownNow();
        publishers.forEach(GatewayFixture::closeQuietly);
        closeQuietly(sink);
      }
    }
  }
}
