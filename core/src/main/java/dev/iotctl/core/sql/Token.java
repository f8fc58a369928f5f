package dev.iotctl.core.sql;

import java.util.Locale;

/** One lexical token of a rule statement, with its start offset for error positions. */
record Token(Kind kind, String text, int offset) {

  enum Kind {
    IDENT,
    STRING,
    NUMBER,
    SYMBOL,
    EOF
  }

  boolean is(Kind k) {
    return kind == k;
  }

  /** A symbol such as {@code (} or {@code <=}. */
  boolean isSymbol(String s) {
    return kind == Kind.SYMBOL && text.equals(s);
  }

  /** An identifier spelled as the keyword, case-insensitively. */
  boolean isKeyword(String keyword) {
    return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
  }

  String describe() {
    return switch (kind) {
      case EOF -> "end of statement";
      case STRING -> "string '" + text + "'";
      default -> "'" + text + "'";
    };
  }

  String lower() {
    return text.toLowerCase(Locale.ROOT);
  }
}
