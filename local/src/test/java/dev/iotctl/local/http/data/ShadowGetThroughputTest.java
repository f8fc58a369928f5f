package dev.iotctl.local.http.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.LocalHttpApi;
import dev.iotctl.local.http.StandIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests per second for a signed GetThingShadow over loopback keep-alive connections: a bounded
 * loop (threads × requests), reported on stdout and checked against a floor far below the measured
 * figure so a regression (e.g. Nagle delays, ~25 req/s per connection) fails.
 */
class ShadowGetThroughputTest {
  static final int THREADS = 8;
  static final int REQUESTS_PER_THREAD = 2_000;

  @Test
  void shadowGetRequestsPerSecond() throws Exception {
    InMemoryShadows shadows = new InMemoryShadows();
    shadows.update("bench", null, "{\"state\":{\"reported\":{\"temp\":21.5}}}".getBytes());
    try (LocalHttpApi api =
        LocalHttpApi.start(
            HttpApiConfig.defaults(), List.of(new ShadowOperations(shadows, Clock.systemUTC())))) {
      measure("in-memory shadows", api.url());
    }
  }

  @Test
  void shadowGetRequestsPerSecondOnTheAssembledStandIn(@TempDir Path dir) throws Exception {
    try (StandIn standIn = new StandIn(dir, HttpApiConfig.defaults())) {
      standIn
          .core
          .shadowService()
          .update("bench", null, "{\"state\":{\"reported\":{\"temp\":21.5}}}".getBytes());
      measure("stand-in (shadow service, SQLite)", standIn.url());
    }
  }

  private static void measure(String label, URI url) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest get =
        HttpRequest.newBuilder(URI.create(url + "/things/bench/shadow"))
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=dummy/20240101/us-east-1/iotdata/aws4_request, "
                    + "SignedHeaders=host;x-amz-date, Signature="
                    + "0".repeat(64))
            .build();
    run(http, get, 200); // warm-up
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    long start = System.nanoTime();
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      results.add(pool.submit(() -> run(http, get, REQUESTS_PER_THREAD)));
    }
    int ok = 0;
    for (Future<Integer> f : results) {
      ok += f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    double rate = ok / seconds;
    System.out.printf(
        "GetThingShadow, %s: %d requests, %d threads, %.2f s, %.0f requests/s%n",
        label, ok, THREADS, seconds, rate);
    assertThat(ok).isEqualTo(THREADS * REQUESTS_PER_THREAD);
    assertThat(rate).isGreaterThan(500);
  }

  private static int run(HttpClient http, HttpRequest get, int n) throws Exception {
    int ok = 0;
    for (int i = 0; i < n; i++) {
      HttpResponse<byte[]> response = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() == 200 && response.body().length > 0) {
        ok++;
      }
    }
    return ok;
  }
}
