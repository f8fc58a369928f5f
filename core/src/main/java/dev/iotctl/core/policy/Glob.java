package dev.iotctl.core.policy;

/**
 * IAM-style wildcard matching on a pre-resolved pattern: {@code *} matches any run of characters
 * (including {@code /} and {@code :}), {@code ?} exactly one. Patterns are int arrays so that a
 * substituted variable value or an escaped {@code ${*}} can carry a literal {@code *}.
 */
final class Glob {
  /** Pattern code for {@code *}. */
  static final int STAR = -1;

  /** Pattern code for {@code ?}. */
  static final int ONE = -2;

  private Glob() {}

  /** Greedy matching with single-star backtracking: linear in practice, no allocation. */
  static boolean matches(int[] pattern, int from, int to, String subject, boolean ignoreCase) {
    int s = 0;
    int p = from;
    int starP = -1;
    int starS = 0;
    int length = subject.length();
    while (s < length) {
      if (p < to
          && (pattern[p] == ONE
              || (pattern[p] >= 0 && same(pattern[p], subject.charAt(s), ignoreCase)))) {
        s++;
        p++;
      } else if (p < to && pattern[p] == STAR) {
        starP = p++;
        starS = s;
      } else if (starP >= 0) {
        p = starP + 1;
        s = ++starS;
      } else {
        return false;
      }
    }
    while (p < to && pattern[p] == STAR) {
      p++;
    }
    return p == to;
  }

  static boolean matches(int[] pattern, String subject, boolean ignoreCase) {
    return matches(pattern, 0, pattern.length, subject, ignoreCase);
  }

  /** True if the pattern matches only itself (no wildcard codes). */
  static boolean isLiteral(int[] pattern) {
    for (int c : pattern) {
      if (c < 0) {
        return false;
      }
    }
    return true;
  }

  /** The pattern as text, wildcards written as {@code *} and {@code ?}. */
  static String text(int[] pattern) {
    StringBuilder text = new StringBuilder(pattern.length);
    for (int c : pattern) {
      text.append(c == STAR ? '*' : c == ONE ? '?' : (char) c);
    }
    return text.toString();
  }

  private static boolean same(int a, char b, boolean ignoreCase) {
    return a == b
        || (ignoreCase
            && (Character.toLowerCase((char) a) == Character.toLowerCase(b)
                || Character.toUpperCase((char) a) == Character.toUpperCase(b)));
  }
}
