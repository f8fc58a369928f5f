package dev.iotctl.core.sql;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.iotctl.core.topic.TopicFilters;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for AWS IoT rule SQL. Precedence, loosest first: {@code OR}, {@code
 * AND}, {@code NOT}, comparisons and {@code IN}, {@code + -}, {@code * / %}, unary {@code -},
 * postfix {@code .name} and {@code [index]}.
 */
final class Parser {
  private static final int MAX_DEPTH = 128;
  private static final int MAX_HEIGHT = 256;
  private static final Set<String> RESERVED =
      Set.of(
          "select", "from", "where", "as", "and", "or", "not", "case", "when", "then", "else",
          "end", "in", "true", "false", "null", "is");
  private static final Set<String> CAST_TYPES_2015 =
      Set.of("string", "nvarchar", "text", "ntext", "varchar", "int", "integer", "double");
  private static final Set<String> CAST_TYPES_2016 = Set.of("decimal", "bool", "boolean");

  private final String sql;
  private final SqlVersion version;
  private final boolean allowExternal;
  private final List<Token> tokens;
  private int pos;
  private int depth;
  private final java.util.IdentityHashMap<Expr, Integer> heights =
      new java.util.IdentityHashMap<>();

  private Parser(String sql, SqlVersion version, boolean allowExternal) {
    this.sql = sql;
    this.version = version;
    this.allowExternal = allowExternal;
    this.tokens = Lexer.tokenize(sql);
  }

  /** Parses a whole statement: {@code SELECT ... FROM 'filter' [WHERE ...]}. */
  static Expr.Select statement(String sql, SqlVersion version, boolean allowExternal) {
    Parser p = new Parser(sql, version, allowExternal);
    Expr.Select select = p.select(true);
    p.expectEnd();
    return select;
  }

  /** Parses a lone expression, as in a substitution template {@code ${...}}. */
  static Expr expression(String sql, SqlVersion version) {
    Parser p = new Parser(sql, version, false);
    Expr e = p.expr();
    p.expectEnd();
    return e;
  }

  private void expectEnd() {
    if (!peek().is(Token.Kind.EOF)) {
      throw error(peek(), "extraneous input " + peek().describe() + " expecting end of statement");
    }
  }

  // ---- statement -------------------------------------------------------------------------

  private Expr.Select select(boolean topLevel) {
    expectKeyword("SELECT");
    boolean value = false;
    if (peek().isKeyword("VALUE") && startsExpression(peek(1))) {
      pos++;
      value = true;
    }
    List<Expr.SelectItem> items = new ArrayList<>();
    do {
      items.add(selectItem(items.size() + 1, value));
    } while (accept(","));
    if (value && (items.size() != 1 || items.get(0).isStar())) {
      throw error(tokens.get(pos - 1), "SELECT VALUE takes exactly one expression");
    }
    if (!peek().isKeyword("FROM")) {
      throw error(peek(), "mismatched input " + peek().describe() + " expecting FROM");
    }
    pos++;
    Expr source = null;
    String filter = null;
    if (topLevel) {
      Token topic = peek();
      if (!topic.is(Token.Kind.STRING)) {
        throw error(topic, "mismatched input " + topic.describe() + " expecting a quoted topic");
      }
      pos++;
      String problem = TopicFilters.filterProblem(topic.text());
      if (problem != null) {
        throw error(topic, problem);
      }
      filter = topic.text();
    } else {
      source = expr();
    }
    Expr where = null;
    if (peek().isKeyword("WHERE")) {
      pos++;
      where = expr();
    }
    return new Expr.Select(value, List.copyOf(items), source, filter, where);
  }

  private static boolean startsExpression(Token t) {
    return !(t.is(Token.Kind.EOF)
        || t.isKeyword("FROM")
        || t.isKeyword("AS")
        || t.isSymbol(",")
        || t.isSymbol("."));
  }

  private Expr.SelectItem selectItem(int position, boolean value) {
    if (peek().isSymbol("*")) {
      pos++;
      return new Expr.SelectItem(new Expr.Star(), List.of());
    }
    Expr e = expr();
    if (peek().isKeyword("AS")) {
      pos++;
      List<String> alias = new ArrayList<>();
      alias.add(alias());
      while (accept(".")) {
        alias.add(alias());
      }
      return new Expr.SelectItem(e, List.copyOf(alias));
    }
    return new Expr.SelectItem(e, List.of(defaultName(e, position)));
  }

  /** The output key of an item without {@code AS}: its attribute or function name. */
  private static String defaultName(Expr e, int position) {
    if (e instanceof Expr.Field f) {
      return f.name();
    } else if (e instanceof Expr.Member m) {
      return m.name();
    } else if (e instanceof Expr.Call c) {
      return c.name();
    } else if (e instanceof Expr.Cast) {
      return "cast";
    }
    return "_" + position;
  }

  // ---- expressions -----------------------------------------------------------------------

  private Expr expr() {
    if (++depth > MAX_DEPTH) {
      throw error(peek(), "expression nested more than " + MAX_DEPTH + " levels deep");
    }
    try {
      return or();
    } finally {
      depth--;
    }
  }

  private Expr or() {
    Expr left = and();
    while (peek().isKeyword("OR")) {
      pos++;
      left = node(new Expr.Binary("OR", left, and()));
    }
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (peek().isKeyword("AND")) {
      pos++;
      left = node(new Expr.Binary("AND", left, not()));
    }
    return left;
  }

  private Expr not() {
    if (peek().isKeyword("NOT")) {
      pos++;
      guardDepth();
      try {
        return node(new Expr.Unary("NOT", not()));
      } finally {
        depth--;
      }
    }
    return comparison();
  }

  private Expr comparison() {
    Expr left = additive();
    while (true) {
      Token t = peek();
      if (t.isSymbol("=")
          || t.isSymbol("<>")
          || t.isSymbol("<")
          || t.isSymbol("<=")
          || t.isSymbol(">")
          || t.isSymbol(">=")) {
        pos++;
        left = node(new Expr.Binary(t.text(), left, additive()));
      } else if (t.isKeyword("IN")) {
        pos++;
        left = node(new Expr.Binary("IN", left, inList()));
      } else if (t.isSymbol("!=")) {
        throw error(t, "mismatched input '!=': AWS IoT SQL writes not-equal as <>");
      } else if (t.isKeyword("IS")) {
        throw error(
            t, "mismatched input 'IS': AWS IoT SQL tests with isNull(x) and isUndefined(x)");
      } else if (t.isSymbol("||")) {
        throw error(t, "mismatched input '||': AWS IoT SQL concatenates with + or concat()");
      } else {
        return left;
      }
    }
  }

  /** The right side of IN: an array expression, or a parenthesised list of values. */
  private Expr inList() {
    if (peek().isSymbol("(") && !peek(1).isKeyword("SELECT")) {
      Token open = next();
      List<Expr> items = new ArrayList<>();
      items.add(expr());
      while (accept(",")) {
        items.add(expr());
      }
      expectSymbol(")", open);
      return items.size() == 1 ? items.get(0) : node(new Expr.ArrayLiteral(List.copyOf(items)));
    }
    return additive();
  }

  private Expr additive() {
    Expr left = multiplicative();
    while (peek().isSymbol("+") || peek().isSymbol("-")) {
      String op = next().text();
      left = node(new Expr.Binary(op, left, multiplicative()));
    }
    return left;
  }

  private Expr multiplicative() {
    Expr left = unary();
    while (peek().isSymbol("*") || peek().isSymbol("/") || peek().isSymbol("%")) {
      String op = next().text();
      left = node(new Expr.Binary(op, left, unary()));
    }
    return left;
  }

  private Expr unary() {
    if (peek().isSymbol("-")) {
      pos++;
      guardDepth();
      try {
        return node(new Expr.Unary("-", unary()));
      } finally {
        depth--;
      }
    }
    return postfix();
  }

  private void guardDepth() {
    if (++depth > MAX_DEPTH) {
      throw error(peek(), "expression nested more than " + MAX_DEPTH + " levels deep");
    }
  }

  private Expr postfix() {
    Expr e = primary();
    while (true) {
      if (accept(".")) {
        e = node(new Expr.Member(e, identifier("an attribute name")));
      } else if (peek().isSymbol("[")) {
        Token open = next();
        Expr index = expr();
        expectSymbol("]", open);
        e = node(new Expr.Index(e, index));
      } else {
        return e;
      }
    }
  }

  private Expr primary() {
    Token t = peek();
    switch (t.kind()) {
      case NUMBER -> {
        pos++;
        return new Expr.Literal(number(t));
      }
      case STRING -> {
        pos++;
        return new Expr.Literal(JsonNodeFactory.instance.textNode(t.text()));
      }
      case IDENT -> {
        return identifierExpression(t);
      }
      default -> {}
    }
    if (t.isSymbol("(")) {
      pos++;
      if (peek().isKeyword("SELECT")) {
        require2016(peek(), "Nested SELECT queries");
        Expr.Select nested = select(false);
        expectSymbol(")", t);
        return node(new Expr.SubQuery(nested));
      }
      Expr inner = expr();
      expectSymbol(")", t);
      return inner;
    }
    if (t.isSymbol("{")) {
      return objectLiteral();
    }
    if (t.isSymbol("[")) {
      return arrayLiteral();
    }
    throw error(t, "mismatched input " + t.describe() + " expecting an expression");
  }

  private Expr identifierExpression(Token t) {
    String word = t.lower();
    switch (word) {
      case "true", "false" -> {
        pos++;
        return new Expr.Literal(JsonNodeFactory.instance.booleanNode(word.equals("true")));
      }
      case "null" -> {
        pos++;
        return new Expr.Literal(JsonNodeFactory.instance.nullNode());
      }
      case "case" -> {
        return caseExpression();
      }
      default -> {}
    }
    if (peek(1).isSymbol("(")) {
      return call(t);
    }
    if (RESERVED.contains(word)) {
      throw error(t, "mismatched input " + t.describe() + " expecting an expression");
    }
    pos++;
    return new Expr.Field(t.text());
  }

  private Expr call(Token name) {
    String fn = name.lower();
    pos += 2;
    Token open = tokens.get(pos - 1);
    if (fn.equals("cast")) {
      Expr value = expr();
      expectKeyword("AS");
      Token type = peek();
      String typeName = identifier("a type name").toLowerCase(java.util.Locale.ROOT);
      if (CAST_TYPES_2016.contains(typeName)) {
        require2016(type, "Casts to " + type.text());
      } else if (!CAST_TYPES_2015.contains(typeName)) {
        throw error(type, "unsupported cast type: " + type.text());
      }
      expectSymbol(")", open);
      return node(new Expr.Cast(value, typeName));
    }
    Functions.Descriptor descriptor = Functions.describe(fn);
    if (descriptor == null) {
      throw error(name, "Unknown function: " + name.text());
    }
    if (descriptor.external() && !allowExternal) {
      throw error(name, "Function " + fn + " is not supported by the local stand-in");
    }
    if (descriptor.since2016()) {
      require2016(name, "Function " + fn);
    }
    List<Expr> args = new ArrayList<>();
    if (!peek().isSymbol(")")) {
      do {
        if (peek().isSymbol("*") && (peek(1).isSymbol(",") || peek(1).isSymbol(")"))) {
          pos++;
          args.add(new Expr.Star());
        } else {
          args.add(expr());
        }
      } while (accept(","));
    }
    expectSymbol(")", open);
    return node(new Expr.Call(fn, List.copyOf(args)));
  }

  private Expr caseExpression() {
    Token caseToken = next();
    Expr subject = expr();
    List<Expr> whens = new ArrayList<>();
    List<Expr> thens = new ArrayList<>();
    while (peek().isKeyword("WHEN")) {
      pos++;
      whens.add(expr());
      expectKeyword("THEN");
      thens.add(expr());
    }
    if (whens.isEmpty()) {
      throw error(peek(), "mismatched input " + peek().describe() + " expecting WHEN");
    }
    Expr otherwise = null;
    if (peek().isKeyword("ELSE")) {
      pos++;
      otherwise = expr();
    }
    if (!peek().isKeyword("END")) {
      throw error(
          peek(),
          "mismatched input "
              + peek().describe()
              + " expecting END to close CASE at "
              + where(caseToken));
    }
    pos++;
    return node(new Expr.Case(subject, List.copyOf(whens), List.copyOf(thens), otherwise));
  }

  private Expr objectLiteral() {
    Token open = next();
    require2016(open, "Object literals");
    List<String> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    if (!peek().isSymbol("}")) {
      do {
        Token key = next();
        if (!key.is(Token.Kind.STRING) && !key.is(Token.Kind.IDENT)) {
          throw error(key, "mismatched input " + key.describe() + " expecting an object key");
        }
        expectSymbol(":", open);
        keys.add(key.text());
        values.add(expr());
      } while (accept(","));
    }
    expectSymbol("}", open);
    return node(new Expr.ObjectLiteral(List.copyOf(keys), List.copyOf(values)));
  }

  private Expr arrayLiteral() {
    Token open = next();
    require2016(open, "Array literals");
    List<Expr> items = new ArrayList<>();
    if (!peek().isSymbol("]")) {
      do {
        items.add(expr());
      } while (accept(","));
    }
    expectSymbol("]", open);
    return node(new Expr.ArrayLiteral(List.copyOf(items)));
  }

  // ---- helpers ---------------------------------------------------------------------------

  /**
   * Records the height of a new node and refuses trees taller than {@link #MAX_HEIGHT}, so that
   * evaluating (recursively) can never overflow the stack, whatever the statement.
   */
  private <T extends Expr> T node(T e) {
    int h = 1 + children(e).stream().mapToInt(c -> heights.getOrDefault(c, 1)).max().orElse(0);
    if (h > MAX_HEIGHT) {
      throw error(
          tokens.get(Math.max(0, pos - 1)),
          "expression nested more than " + MAX_HEIGHT + " levels deep");
    }
    heights.put(e, h);
    return e;
  }

  private static List<Expr> children(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof Expr.Member m) {
      out.add(m.target());
    } else if (e instanceof Expr.Index i) {
      out.add(i.target());
      out.add(i.index());
    } else if (e instanceof Expr.Call c) {
      out.addAll(c.args());
    } else if (e instanceof Expr.Cast c) {
      out.add(c.value());
    } else if (e instanceof Expr.Unary u) {
      out.add(u.operand());
    } else if (e instanceof Expr.Binary b) {
      out.add(b.left());
      out.add(b.right());
    } else if (e instanceof Expr.Case c) {
      out.add(c.subject());
      out.addAll(c.whens());
      out.addAll(c.thens());
      if (c.otherwise() != null) {
        out.add(c.otherwise());
      }
    } else if (e instanceof Expr.ObjectLiteral o) {
      out.addAll(o.values());
    } else if (e instanceof Expr.ArrayLiteral a) {
      out.addAll(a.items());
    } else if (e instanceof Expr.SubQuery q) {
      q.select().items().forEach(item -> out.add(item.expr()));
      out.add(q.select().source());
      if (q.select().where() != null) {
        out.add(q.select().where());
      }
    }
    return out;
  }

  private com.fasterxml.jackson.databind.JsonNode number(Token t) {
    String text = t.text();
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
      if (text.length() > Values.MAX_INT_DIGITS) {
        throw error(t, "Int literal longer than " + Values.MAX_INT_DIGITS + " digits: " + text);
      }
      return Values.integer(new BigInteger(text));
    }
    BigDecimal d;
    try {
      d = new BigDecimal(text);
    } catch (NumberFormatException | ArithmeticException e) {
      throw error(t, "invalid number: " + text);
    }
    if (!Values.inDecimalRange(d)) {
      throw error(t, "Decimal literal out of range: " + text);
    }
    return Values.decimal(d, version);
  }

  private void require2016(Token t, String feature) {
    if (!version.atLeast2016()) {
      throw error(t, feature + " require SQL version 2016-03-23 or later");
    }
  }

  private String alias() {
    if (RESERVED.contains(peek().lower())) {
      throw error(peek(), "mismatched input " + peek().describe() + " expecting an alias");
    }
    return identifier("an alias");
  }

  private String identifier(String what) {
    Token t = peek();
    if (!t.is(Token.Kind.IDENT)) {
      throw error(t, "mismatched input " + t.describe() + " expecting " + what);
    }
    pos++;
    return t.text();
  }

  private void expectKeyword(String keyword) {
    Token t = peek();
    if (!t.isKeyword(keyword)) {
      throw error(t, "mismatched input " + t.describe() + " expecting " + keyword);
    }
    pos++;
  }

  private void expectSymbol(String symbol, Token opener) {
    Token t = peek();
    if (!t.isSymbol(symbol)) {
      String detail = "mismatched input " + t.describe() + " expecting '" + symbol + "'";
      if (opener != null && !symbol.equals(":")) {
        detail += " to close '" + opener.text() + "' at " + where(opener);
      }
      throw error(t, detail);
    }
    pos++;
  }

  private String where(Token t) {
    SqlException probe = SqlException.at(sql, t.offset(), "");
    return probe.line() + ":" + probe.column();
  }

  private boolean accept(String symbol) {
    if (peek().isSymbol(symbol)) {
      pos++;
      return true;
    }
    return false;
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (!t.is(Token.Kind.EOF)) {
      pos++;
    }
    return t;
  }

  private SqlException error(Token t, String detail) {
    return SqlException.at(sql, t.offset(), detail);
  }
}
