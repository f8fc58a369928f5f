package dev.iotctl.local.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurabilityTest {
  private static final int ACKS_BEFORE_KILL = 40;

  @TempDir Path dir;

  /**
   * A child JVM creates things and prints each name once CreateThing returned; it is killed with
   * SIGKILL mid-stream. Every acknowledged thing must be in the reopened database.
   */
  @Test
  void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Writer.class.getName(),
                dir.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> acked = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        acked.add(line);
        if (acked.size() == ACKS_BEFORE_KILL) {
          child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close
          break;
        }
      }
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(acked).hasSize(ACKS_BEFORE_KILL);

    try (Registry registry = Registry.open(dir)) {
      for (String name : acked) {
        assertThat(registry.things().describe(name).attributes()).containsEntry("n", name);
      }
    }
  }

  @Test
  void parallelWritersAllCommit() throws Exception {
    int writers = 4;
    int perWriter = 25;
    try (Registry registry = Registry.open(dir)) {
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          int writer = w;
          done.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < perWriter; i++) {
                      String name = "w" + writer + "-" + i;
                      registry.things().create(name, Optional.empty(), Map.of());
                      registry
                          .shadows()
                          .updateShadow(
                              "counter",
                              "",
                              c ->
                                  Optional.of(String.valueOf(Integer.parseInt(c.orElse("0")) + 1)));
                    }
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(registry.things().list(ThingFilter.none(), 250, null).items())
          .hasSize(writers * perWriter);
      assertThat(registry.shadows().loadShadow("counter", ""))
          .contains(String.valueOf(writers * perWriter));
    }
  }

  /** The child process: writes until killed (bounded in case the parent dies). */
  public static final class Writer {
    public static void main(String[] args) {
      Registry registry = Registry.open(Path.of(args[0]));
      for (int i = 0; i < 100_000; i++) {
        String name = "thing-" + i;
        registry.things().create(name, Optional.empty(), Map.of("n", name));
        System.out.println(name);
        System.out.flush();
      }
    }
  }
}
