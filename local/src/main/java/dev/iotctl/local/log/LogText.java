package dev.iotctl.local.log;

/**
 * Makes client-supplied text (paths, header values, topic filters, parser messages that quote them)
 * safe to put in a log line: control characters, line and paragraph separators and backslashes are
 * escaped, so a client can neither break a line, forge one nor send terminal escapes; long text is
 * cut.
 */
public final class LogText {
  /** Characters kept of a client string by {@link #escape(CharSequence)}. */
  public static final int MAX_CHARS = 200;

  private LogText() {}

  /** {@code text} escaped and cut to {@link #MAX_CHARS}; {@code "null"} for null. */
  public static String escape(CharSequence text) {
    return escape(text, MAX_CHARS);
  }

  /** {@code text} escaped and cut to {@code maxChars} characters of the original. */
  public static String escape(CharSequence text, int maxChars) {
    if (text == null) {
      return "null";
    }
    int end = Math.min(text.length(), maxChars);
    StringBuilder out = new StringBuilder(end + 16);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
            out.append(
                c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (text.length() > end) {
      out.append("…(").append(text.length() - end).append(" more)");
    }
    return out.toString();
  }
}
