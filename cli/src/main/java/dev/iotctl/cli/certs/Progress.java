package dev.iotctl.cli.certs;

import java.io.PrintWriter;

/**
 * A progress bar on stderr: redrawn in place on a terminal, a line per 10 % otherwise (CI logs).
 */
final class Progress {
  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final int total;
  private final boolean terminal = System.console() != null;
  private int lastDecile = -1;
  private int done;

  Progress(PrintWriter out, int total) {
    this.out = out;
    this.total = total;
  }

  synchronized void step(int issued, int skipped, int failed) {
    done++;
    String line =
        String.format(
            "[%s] %d/%d  issued %d  skipped %d  failed %d",
            bar(), done, total, issued, skipped, failed);
    if (terminal) {
      out.print("\r" + line);
      out.flush();
    } else {
      int decile = total == 0 ? 10 : done * 10 / total;
      if (decile != lastDecile) {
        lastDecile = decile;
        out.println(line);
        out.flush();
      }
    }
  }

  synchronized void done() {
    if (terminal && done > 0) {
      out.println();
      out.flush();
    }
  }

  private String bar() {
    int filled = total == 0 ? WIDTH : done * WIDTH / total;
    return "#".repeat(filled) + " ".repeat(WIDTH - filled);
  }
}
