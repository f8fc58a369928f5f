package dev.iotctl.local;

import dev.iotctl.core.pki.TlsMaterial;
import dev.iotctl.local.gateway.NoDelaySocketFactory;
import dev.iotctl.local.gateway.TestPki;
import dev.iotctl.local.rules.RuleCounters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Not a unit test: broker QoS 1 throughput through a started stand-in with 0 rules and with 20
 * enabled rules on the same topics, in the same run, rounds interleaved, medians reported.
 *
 * <p>Each round: {@value #PUBLISHERS} devices publish {@value #MESSAGES_PER_PUBLISHER} QoS 1
 * messages each (up to {@value #IN_FLIGHT} in flight per device) to {@code
 * devices/{thing}/telemetry}; one subscriber receives them all at QoS 1. A round's rate is messages
 * over the time from the first publish to the last PUBACK and the last delivery. With rules on, 20
 * rules select from that topic (10 % of readings pass their WHERE; those record a lambda action).
 *
 * <p>Run: {@code local/bench/routing-benchmark.sh} (args: rounds per mode, default 5).
 */
public final class RoutingBenchmark {
  static final int PUBLISHERS = 4;
  static final int MESSAGES_PER_PUBLISHER = 2_000;
  static final int IN_FLIGHT = 100;
  static final int RULES = 20;

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path dir = Files.createTempDirectory("iotctl-routing-bench");
    try (LocalIotCore core = LocalIotCore.start(LocalIotCoreConfig.defaults(dir))) {
      for (int i = 0; i < RULES; i++) {
        core.registry()
            .topicRules()
            .create(
                "bench" + i,
                """
                {"sql": "SELECT temperature, topic(2) AS device FROM 'devices/+/telemetry' WHERE temperature >= 90",
                 "actions": [{"lambda": {"functionArn": "arn:aws:lambda:us-east-1:000000000000:function:f%d"}}]}
                """
                    .formatted(i));
      }
      List<MqttAsyncClient> publishers = new ArrayList<>();
      for (int p = 0; p < PUBLISHERS; p++) {
        TestPki.Issued cert = Devices.provision(core, "bench-" + p);
        publishers.add(connectAsync(dir, core.mqttPort(), cert, "bench-" + p));
      }
      AtomicLong delivered = new AtomicLong();
      MqttClient subscriber = operator(core);
      subscriber.subscribe("devices/+/telemetry", 1, (t, m) -> delivered.incrementAndGet());

      List<Double> without = new ArrayList<>();
      List<Double> with = new ArrayList<>();
      round(publishers, delivered); // warm-up (JIT, TLS), not counted
      for (int r = 0; r < rounds; r++) {
        setRules(core, false);
        without.add(round(publishers, delivered));
        setRules(core, true);
        with.add(round(publishers, delivered));
      }
      setRules(core, false);
      long total = 0;
      for (int i = 0; i < RULES; i++) {
        RuleCounters c = core.rules().engine().counters("bench" + i);
        total += c.matched();
      }
      System.out.printf(
          "messages per round: %d (%d publishers x %d, QoS 1, %d in flight each)%n",
          PUBLISHERS * MESSAGES_PER_PUBLISHER, PUBLISHERS, MESSAGES_PER_PUBLISHER, IN_FLIGHT);
      System.out.printf("0 rules : %s msgs/s, median %.0f%n", rates(without), median(without));
      System.out.printf("%d rules: %s msgs/s, median %.0f%n", RULES, rates(with), median(with));
      System.out.printf(
          "rule executions matched: %d, dropped (queue full): %d%n",
          total, core.rules().engine().dropped());
      for (MqttAsyncClient c : publishers) {
        c.disconnect().waitForCompletion(2000);
        c.close();
      }
      subscriber.disconnect();
      subscriber.close();
    }
  }

  private static void setRules(LocalIotCore core, boolean enabled) {
    for (int i = 0; i < RULES; i++) {
      core.registry().topicRules().setEnabled("bench" + i, enabled);
    }
  }

  /** One bounded round; returns messages per second. */
  private static double round(List<MqttAsyncClient> publishers, AtomicLong delivered)
      throws Exception {
    long expected = delivered.get() + (long) PUBLISHERS * MESSAGES_PER_PUBLISHER;
    CountDownLatch acked = new CountDownLatch(PUBLISHERS * MESSAGES_PER_PUBLISHER);
    AtomicLong failed = new AtomicLong();
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (MqttAsyncClient client : publishers) {
      String topic = "devices/" + client.getClientId() + "/telemetry";
      Thread t =
          new Thread(
              () -> {
                try {
                  java.util.concurrent.Semaphore window =
                      new java.util.concurrent.Semaphore(IN_FLIGHT);
                  for (int i = 0; i < MESSAGES_PER_PUBLISHER; i++) {
                    window.acquire();
                    byte[] payload =
                        ("{\"temperature\":" + (i % 100) + "}").getBytes(StandardCharsets.UTF_8);
                    // The callback goes with the publish: set later, it can miss a fast PUBACK.
                    client.publish(
                        topic,
                        payload,
                        1,
                        false,
                        null,
                        new org.eclipse.paho.client.mqttv3.IMqttActionListener() {
                          @Override
                          public void onSuccess(org.eclipse.paho.client.mqttv3.IMqttToken tk) {
                            window.release();
                            acked.countDown();
                          }

                          @Override
                          public void onFailure(
                              org.eclipse.paho.client.mqttv3.IMqttToken tk, Throwable e) {
                            window.release();
                            failed.incrementAndGet();
                            acked.countDown();
                          }
                        });
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join(TimeUnit.MINUTES.toMillis(2));
    }
    if (!acked.await(1, TimeUnit.MINUTES) || failed.get() > 0) {
      throw new IllegalStateException(
          "round did not complete: " + acked.getCount() + " unacked, " + failed + " failed");
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (delivered.get() < expected && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    if (delivered.get() < expected) {
      throw new IllegalStateException("subscriber missed " + (expected - delivered.get()));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return PUBLISHERS * MESSAGES_PER_PUBLISHER / seconds;
  }

  private static MqttAsyncClient connectAsync(
      Path dir, int port, TestPki.Issued cert, String clientId) throws Exception {
    MqttAsyncClient client =
        new MqttAsyncClient("ssl://127.0.0.1:" + port, clientId, new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setSocketFactory(
        new NoDelaySocketFactory(
            TestPki.clientContext(cert, Devices.rootCa(dir)).getSocketFactory()));
    options.setCleanSession(true);
    options.setMaxInflight(IN_FLIGHT);
    options.setConnectionTimeout(5);
    client.connect(options).waitForCompletion(10_000);
    return client;
  }

  private static MqttClient operator(LocalIotCore core) throws Exception {
    Path bundle = core.operatorDir();
    MqttClient client =
        new MqttClient(
            "ssl://127.0.0.1:" + core.mqttPort(), "iotctl-operator-bench", new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setSocketFactory(
        new NoDelaySocketFactory(
            TlsMaterial.clientContext(
                    Files.readString(bundle.resolve("root-ca.pem")),
                    Files.readString(bundle.resolve("certificate.pem.crt")),
                    Files.readString(bundle.resolve("private.pem.key")))
                .getSocketFactory()));
    options.setCleanSession(true);
    client.connect(options);
    return client;
  }

  private static String rates(List<Double> rates) {
    return rates.stream().map(r -> String.format("%.0f", r)).toList().toString();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
