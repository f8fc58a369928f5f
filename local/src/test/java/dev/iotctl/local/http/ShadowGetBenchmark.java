package dev.iotctl.local.http;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

/**
 * Not a unit test: requests per second of signed GetThingShadow (AWS SDK for Java v2, SigV4, Apache
 * HTTP client with keep-alive) against a started stand-in (SQLite registry, shadow service, HTTP
 * API), from {@value #CLIENTS} concurrent clients. A {@value #WARM_UP_SECONDS} s warm-up, then N
 * rounds of {@value #ROUND_SECONDS} s; prints each round's rate and CPU time per request, of the
 * HTTP server's threads (named {@code iot-http…}, and the JDK server's {@code HTTP-Dispatcher}) and
 * of the whole process, then the medians. Every answer is checked to be the shadow that was
 * written.
 *
 * <p>Run: {@code local/bench/http-shadow-get.sh} (args: rounds, default 5; clients, default {@value
 * #CLIENTS}).
 */
public final class ShadowGetBenchmark {
  static final int CLIENTS = 8;
  static final int ROUND_SECONDS = 5;
  static final int WARM_UP_SECONDS = 10;

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int clientCount = args.length > 1 ? Integer.parseInt(args[1]) : CLIENTS;
    Path dir = Files.createTempDirectory("iotctl-shadow-get-bench");
    try (StandIn standIn = new StandIn(dir.resolve("data"), HttpApiConfig.defaults());
        IotClient iot = AwsClients.iot(standIn.url())) {
      iot.createThing(b -> b.thingName("demo"));
      List<IotDataPlaneClient> clients = new ArrayList<>();
      for (int i = 0; i < clientCount; i++) {
        clients.add(AwsClients.data(standIn.url()));
      }
      clients
          .get(0)
          .updateThingShadow(
              b ->
                  b.thingName("demo")
                      .payload(SdkBytes.fromUtf8String("{\"state\":{\"reported\":{\"wait\":5}}}")));
      ExecutorService pool = Executors.newFixedThreadPool(clientCount);
      try {
        round(clients, pool, WARM_UP_SECONDS); // JIT, connections, SQLite cache
        List<Double> rates = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> processCpu = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          long cpuBefore = serverCpuNanos();
          long processBefore = processCpuNanos();
          Round round = round(clients, pool, ROUND_SECONDS);
          double micros = (serverCpuNanos() - cpuBefore) / 1e3 / round.requests();
          double processMicros = (processCpuNanos() - processBefore) / 1e3 / round.requests();
          rates.add(round.perSecond());
          cpu.add(micros);
          processCpu.add(processMicros);
          System.out.printf(
              "round %d: %.0f GetThingShadow/s, server threads' CPU %.0f us/request,"
                  + " whole process (clients too) %.0f us/request%n",
              r + 1, round.perSecond(), micros, processMicros);
        }
        rates.sort(null);
        cpu.sort(null);
        processCpu.sort(null);
        System.out.printf(
            "median %.0f/s (min %.0f, max %.0f), server threads' CPU median %.0f us/request,"
                + " whole process %.0f us/request, %d rounds, %d clients%n",
            rates.get(rates.size() / 2),
            rates.get(0),
            rates.get(rates.size() - 1),
            cpu.get(cpu.size() / 2),
            processCpu.get(processCpu.size() / 2),
            rounds,
            clientCount);
      } finally {
        pool.shutdownNow();
        clients.forEach(IotDataPlaneClient::close);
      }
    }
  }

  record Round(long requests, double perSecond) {}

  /** CPU time so far of this whole process (user and system), clients included. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** CPU time so far of the HTTP server's threads. */
  private static long serverCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("iot-http") || t.getName().startsWith("HTTP-Dispatcher")) {
        total += Math.max(0, threads.getThreadCpuTime(t.getId()));
      }
    }
    return total;
  }

  private static Round round(List<IotDataPlaneClient> clients, ExecutorService pool, int seconds)
      throws Exception {
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    List<Future<Long>> counts = new ArrayList<>();
    for (IotDataPlaneClient client : clients) {
      counts.add(
          pool.submit(
              () -> {
                long n = 0;
                while (System.nanoTime() < end) {
                  String doc =
                      client.getThingShadow(b -> b.thingName("demo")).payload().asUtf8String();
                  if (!doc.contains("\"wait\":5")) {
                    throw new IllegalStateException("unexpected shadow: " + doc);
                  }
                  n++;
                }
                return n;
              }));
    }
    long total = 0;
    for (Future<Long> count : counts) {
      total += count.get();
    }
    return new Round(total, total / ((System.nanoTime() - start) / 1e9));
  }
}
