package dev.iotctl.cli.demo;

import java.io.PrintWriter;
import java.time.Duration;

/** Prints each demo step with the time it took, so the story reads like a log. */
final class Narrator {
  private final PrintWriter out;
  private final long start = System.nanoTime();
  private int step;

  Narrator(PrintWriter out) {
    this.out = out;
  }

  /** Runs one step: prints its title, then OK or FAILED with its duration. */
  <T> T step(String title, StepBody<T> body) throws Exception {
    step++;
    out.printf("%2d. %s ... ", step, title);
    out.flush();
    long t0 = System.nanoTime();
    try {
      T result = body.run();
      out.printf("ok (%s)%n", ms(System.nanoTime() - t0));
      out.flush();
      return result;
    } catch (Exception | AssertionError e) {
      out.printf("FAILED (%s): %s%n", ms(System.nanoTime() - t0), e.getMessage());
      out.flush();
      throw e;
    }
  }

  void note(String line) {
    out.println("    " + line);
    out.flush();
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static String ms(long nanos) {
    return nanos / 1_000_000 + " ms";
  }

  @FunctionalInterface
  interface StepBody<T> {
    T run() throws Exception;
  }
}
