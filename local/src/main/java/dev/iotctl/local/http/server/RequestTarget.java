package dev.iotctl.local.http.server;

/**
 * The request-target of a request line split into its raw (still percent-encoded) path and query.
 * Accepts origin-form ({@code /a/b?q}) and absolute-form ({@code http://host/a/b?q}, which HTTP/1.1
 * servers must accept); refuses every character RFC 3986 does not allow there, raw non-ASCII bytes
 * and control characters included. Percent escapes are checked when each part is decoded ({@link
 * PathCodec}).
 *
 * @param rawPath the path as sent, {@code /} at least
 * @param rawQuery the query as sent without {@code ?}, or null when there is none
 */
record RequestTarget(String rawPath, String rawQuery) {
  private static final boolean[] PATH = new boolean[128];
  private static final boolean[] QUERY = new boolean[128];
  private static final boolean[] AUTHORITY = new boolean[128];

  static {
    String unreserved = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";
    String pchar = unreserved + "!$&'()*+,;=" + ":@" + "%";
    allow(PATH, pchar + "/");
    allow(QUERY, pchar + "/?");
    allow(AUTHORITY, pchar + "[]");
  }

  private static void allow(boolean[] table, String chars) {
    chars.chars().forEach(c -> table[c] = true);
  }

  /**
   * Parses {@code target} as it appears in the request line.
   *
   * @throws MalformedRequest when it is not a valid origin- or absolute-form target
   */
  static RequestTarget parse(String target) {
    String rest = target;
    if (!rest.startsWith("/")) {
      rest = withoutSchemeAndAuthority(target);
    }
    int question = rest.indexOf('?');
    String path = question < 0 ? rest : rest.substring(0, question);
    String query = question < 0 ? null : rest.substring(question + 1);
    check(path, PATH);
    if (query != null) {
      check(query, QUERY);
    }
    return new RequestTarget(path, query);
  }

  private static String withoutSchemeAndAuthority(String target) {
    int authorityStart;
    if (target.regionMatches(true, 0, "http://", 0, 7)) {
      authorityStart = 7;
    } else if (target.regionMatches(true, 0, "https://", 0, 8)) {
      authorityStart = 8;
    } else {
      throw MalformedRequest.badRequest("The request target must be a path starting with /.");
    }
    int end = authorityStart;
    while (end < target.length() && target.charAt(end) != '/' && target.charAt(end) != '?') {
      end++;
    }
    if (end == authorityStart) {
      throw MalformedRequest.badRequest("The request target has no host.");
    }
    check(target.substring(authorityStart, end), AUTHORITY);
    String rest = target.substring(end);
    return rest.isEmpty() || rest.startsWith("?") ? "/" + rest : rest;
  }

  private static void check(String part, boolean[] allowed) {
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c >= 128 || !allowed[c]) {
        throw MalformedRequest.badRequest(
            "The request target contains a character that must be percent-encoded.");
      }
    }
  }
}
