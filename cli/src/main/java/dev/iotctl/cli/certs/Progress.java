package dev.iotctl.cli.certs;

import dev.iotctl.cli.aws.RequestLog;
import java.io.PrintWriter;
import java.util.ArrayDeque;

/**
 * A bulk run's progress on stderr, redrawn in place on a terminal and a line per 10 % otherwise (CI
 * logs): the same counters as the JSON summary, the current rate, and what throttling costs (the
 * SDK's retries, throttled answers), so a slow run says why it is slow.
 */
final class Progress {
  private static final int WIDTH = 20;
  private static final long RATE_WINDOW_NANOS = 5_000_000_000L;

  private final PrintWriter out;
  private final int total;
  private final RequestLog requests;
  private final boolean terminal = System.console() != null;
  private final long started = System.nanoTime();
  private int lastDecile = -1;
  private int issued;
  private int recovered;
  private int skipped;
  private int failed;

  /** When the devices of the last few seconds finished, for the current rate. */
  private final ArrayDeque<Long> recent = new ArrayDeque<>();

  Progress(PrintWriter out, int total, RequestLog requests) {
    this.out = out;
    this.total = total;
    this.requests = requests;
  }

  synchronized void issued() {
    issued++;
    step();
  }

  synchronized void recovered() {
    recovered++;
    step();
  }

  synchronized void skipped() {
    skipped++;
    step();
  }

  synchronized void failed() {
    failed++;
    step();
  }

  /** The counters so far. */
  record Counts(int issued, int recovered, int skipped, int failed) {}

  synchronized Counts counts() {
    return new Counts(issued, recovered, skipped, failed);
  }

  synchronized int done() {
    return issued + recovered + skipped + failed;
  }

  int total() {
    return total;
  }

  /** The line as it stands, e.g. for the final one or an interruption. */
  synchronized String line() {
    return String.format(
        "[%s] %d/%d  issued %d  recovered %d  skipped %d  failed %d  %.1f/s  retries %d"
            + " (throttled %d)",
        bar(),
        done(),
        total,
        issued,
        recovered,
        skipped,
        failed,
        rate(),
        requests.retries(),
        requests.throttled());
  }

  /** Devices per second over the last five seconds (or since the start, if sooner). */
  private double rate() {
    long now = System.nanoTime();
    while (!recent.isEmpty() && now - recent.peekFirst() > RATE_WINDOW_NANOS) {
      recent.pollFirst();
    }
    double seconds = Math.min(RATE_WINDOW_NANOS, now - started) / 1e9;
    return seconds <= 0 ? 0 : recent.size() / seconds;
  }

  private void step() {
    recent.addLast(System.nanoTime());
    if (terminal) {
      out.print("\r" + line());
      out.flush();
      return;
    }
    int decile = total == 0 ? 10 : done() * 10 / total;
    if (decile != lastDecile) {
      lastDecile = decile;
      out.println(line());
      out.flush();
    }
  }

  /** Ends the progress display with the final counters. */
  synchronized void finish() {
    if (terminal) {
      out.print("\r" + line() + "\n");
    } else if (lastDecile != 10) {
      out.println(line());
    }
    out.flush();
  }

  private String bar() {
    int filled = total == 0 ? WIDTH : done() * WIDTH / total;
    return "#".repeat(filled) + " ".repeat(WIDTH - filled);
  }
}
