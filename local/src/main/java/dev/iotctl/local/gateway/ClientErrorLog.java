package dev.iotctl.local.gateway;

import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place client-caused errors are logged: a malformed packet, a refused handshake or
 * CONNECT, a disconnect for a broken rule. Each is one WARN line naming the peer address (and the
 * client id once known), never a stack trace; strings the client chose are escaped so they cannot
 * start a line, forge one or reach a terminal raw; and the lines are rate-limited (a burst of
 * {@value #BURST}, then {@value #PER_SECOND} per second), with a count of what was left out.
 */
final class ClientErrorLog {
  private static final Logger LOG = LoggerFactory.getLogger(ClientErrorLog.class);
  static final int BURST = 20;
  static final int PER_SECOND = 10;
  private static final int MAX_QUOTED = 256;

  private final LongSupplier nanoClock;
  private double tokens = BURST;
  private long lastRefill;
  private long suppressed;

  ClientErrorLog(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.lastRefill = nanoClock.getAsLong();
  }

  /**
   * Logs {@code what} happened with the client at {@code address} ({@code clientId} may be null);
   * {@code what} must already have any client-supplied part passed through {@link #quote}.
   */
  void warn(String address, String clientId, String what) {
    long dropped;
    synchronized (this) {
      long now = nanoClock.getAsLong();
      tokens = Math.min(BURST, tokens + (now - lastRefill) * PER_SECOND / 1e9);
      lastRefill = now;
      if (tokens < 1) {
        suppressed++;
        return;
      }
      tokens -= 1;
      dropped = suppressed;
      suppressed = 0;
    }
    if (dropped > 0) {
      LOG.warn("{} more client errors were not logged (rate limit)", dropped);
    }
    if (clientId == null) {
      LOG.warn("client {}: {}", address, what);
    } else {
      LOG.warn("client {} (client id {}): {}", address, quote(clientId), what);
    }
  }

  /**
   * {@code s} in double quotes, safe for one log line: control characters (C0, DEL, C1), line and
   * paragraph separators and quotes escaped as in Java source; cut after {@value #MAX_QUOTED}
   * characters.
   */
  static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_QUOTED) + 8).append('"');
    for (int i = 0; i < s.length(); i++) {
      if (i == MAX_QUOTED) {
        out.append("\"... (").append(s.length()).append(" chars)");
        return out.toString();
      }
      char c = s.charAt(i);
      switch (c) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
