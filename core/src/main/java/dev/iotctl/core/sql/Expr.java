package dev.iotctl.core.sql;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The syntax tree of rule SQL expressions. */
sealed interface Expr {

  /** A constant: number, string, boolean or null. */
  record Literal(JsonNode value) implements Expr {}

  /** A top-level attribute of the current document, e.g. {@code color}. */
  record Field(String name) implements Expr {}

  /** {@code target.name}. */
  record Member(Expr target, String name) implements Expr {}

  /** {@code target[index]}. */
  record Index(Expr target, Expr index) implements Expr {}

  /** The whole payload: {@code *} as a function argument, e.g. {@code encode(*, 'base64')}. */
  record Star() implements Expr {}

  /** A built-in function call; {@code name} is lower case. */
  record Call(String name, List<Expr> args) implements Expr {}

  /** {@code cast(value AS type)}; {@code type} is lower case. */
  record Cast(Expr value, String type) implements Expr {}

  /** {@code -x} or {@code NOT x}. */
  record Unary(String op, Expr operand) implements Expr {}

  /** Infix operators; {@code op} is the symbol or upper-case keyword. */
  record Binary(String op, Expr left, Expr right) implements Expr {}

  /** {@code CASE subject WHEN t THEN r ... [ELSE e] END}; {@code otherwise} may be null. */
  record Case(Expr subject, List<Expr> whens, List<Expr> thens, Expr otherwise) implements Expr {}

  /** {@code {'k': v, ...}}. */
  record ObjectLiteral(List<String> keys, List<Expr> values) implements Expr {}

  /** {@code [a, b, ...]}. */
  record ArrayLiteral(List<Expr> items) implements Expr {}

  /** {@code (SELECT ... FROM source [WHERE ...])} over the elements of an array. */
  record SubQuery(Select select) implements Expr {}

  /**
   * A SELECT clause plus where its rows come from: {@code source} is null for the top-level
   * statement (the payload) and an expression for nested queries.
   */
  record Select(
      boolean value, List<SelectItem> items, Expr source, String topicFilter, Expr where) {}

  /** One item of a SELECT list: {@code *}, or an expression with its output key path. */
  record SelectItem(Expr expr, List<String> name) {
    boolean isStar() {
      return expr instanceof Star;
    }
  }
}
