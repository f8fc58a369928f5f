package dev.iotctl.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a statement into tokens. Strings are quoted with {@code '} or {@code "} (the AWS docs use
 * both for string literals); a doubled quote inside a string stands for one quote.
 */
final class Lexer {
  private static final String TWO_CHAR_SYMBOLS = "<> <= >= != ||";
  private static final String ONE_CHAR_SYMBOLS = ",.()[]{}:*/%+-=<>";

  private final String sql;
  private int pos;

  private Lexer(String sql) {
    this.sql = sql;
  }

  static List<Token> tokenize(String sql) {
    return new Lexer(sql).run();
  }

  private List<Token> run() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipWhitespace();
      if (pos >= sql.length()) {
        tokens.add(new Token(Token.Kind.EOF, "", pos));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private void skipWhitespace() {
    while (pos < sql.length() && Character.isWhitespace(sql.charAt(pos))) {
      pos++;
    }
  }

  private Token next() {
    int start = pos;
    char c = sql.charAt(pos);
    if (c == '\'' || c == '"') {
      return string(c);
    }
    if (isDigit(c)) {
      return number();
    }
    if (Character.isLetter(c) || c == '_') {
      while (pos < sql.length()
          && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_')) {
        pos++;
      }
      return new Token(Token.Kind.IDENT, sql.substring(start, pos), start);
    }
    if (pos + 1 < sql.length()) {
      String two = sql.substring(pos, pos + 2);
      if (TWO_CHAR_SYMBOLS.contains(two) && !two.contains(" ")) {
        pos += 2;
        return new Token(Token.Kind.SYMBOL, two, start);
      }
    }
    if (ONE_CHAR_SYMBOLS.indexOf(c) >= 0) {
      pos++;
      return new Token(Token.Kind.SYMBOL, String.valueOf(c), start);
    }
    throw SqlException.at(sql, start, "token recognition error at: '" + c + "'");
  }

  private Token string(char quote) {
    int start = pos++;
    StringBuilder text = new StringBuilder();
    while (pos < sql.length()) {
      char c = sql.charAt(pos++);
      if (c == quote) {
        if (pos < sql.length() && sql.charAt(pos) == quote) {
          text.append(quote);
          pos++;
          continue;
        }
        return new Token(Token.Kind.STRING, text.toString(), start);
      }
      text.append(c);
    }
    throw SqlException.at(sql, start, "unterminated string literal");
  }

  private Token number() {
    int start = pos;
    digits();
    if (pos + 1 < sql.length() && sql.charAt(pos) == '.' && isDigit(sql.charAt(pos + 1))) {
      pos++;
      digits();
    }
    if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
      int mark = pos++;
      if (pos < sql.length() && (sql.charAt(pos) == '-' || sql.charAt(pos) == '+')) {
        pos++;
      }
      if (pos < sql.length() && isDigit(sql.charAt(pos))) {
        digits();
      } else {
        pos = mark;
      }
    }
    return new Token(Token.Kind.NUMBER, sql.substring(start, pos), start);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void digits() {
    while (pos < sql.length() && isDigit(sql.charAt(pos))) {
      pos++;
    }
  }
}
