package dev.iotctl.core.sql;

import static dev.iotctl.core.sql.Values.UNDEFINED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Evaluates syntax trees. Never throws for any document: type mismatches yield Undefined. */
final class Evaluator {
  private Evaluator() {}

  static JsonNode eval(Expr e, Scope s) {
    if (e instanceof Expr.Literal l) {
      return l.value();
    } else if (e instanceof Expr.Field f) {
      return attribute(s.document(), f.name());
    } else if (e instanceof Expr.Member m) {
      return attribute(eval(m.target(), s), m.name());
    } else if (e instanceof Expr.Index i) {
      return index(eval(i.target(), s), eval(i.index(), s));
    } else if (e instanceof Expr.Star) {
      return s.star() == null ? UNDEFINED : s.star();
    } else if (e instanceof Expr.Call c) {
      return Functions.call(c, s);
    } else if (e instanceof Expr.Cast c) {
      return Casts.cast(eval(c.value(), s), c.type(), s.version());
    } else if (e instanceof Expr.Unary u) {
      return Operators.unary(u.op(), eval(u.operand(), s), s.version());
    } else if (e instanceof Expr.Binary b) {
      return Operators.binary(b.op(), eval(b.left(), s), eval(b.right(), s), s.version());
    } else if (e instanceof Expr.Case c) {
      return caseOf(c, s);
    } else if (e instanceof Expr.ObjectLiteral o) {
      return objectLiteral(o, s);
    } else if (e instanceof Expr.ArrayLiteral a) {
      return arrayLiteral(a, s);
    } else {
      return subQuery(((Expr.SubQuery) e).select(), s);
    }
  }

  /** True only when a WHERE condition evaluates to the Boolean true. */
  static boolean matches(Expr where, Scope s) {
    if (where == null) {
      return true;
    }
    JsonNode v = eval(where, s);
    return v.isBoolean() && v.booleanValue();
  }

  /**
   * The SELECT list over one document: {@code SELECT VALUE x} gives x itself; otherwise an object
   * of the items, Undefined ones left out, {@code *} contributing the document's attributes.
   */
  static JsonNode project(Expr.Select select, Scope s) {
    if (select.value()) {
      return eval(select.items().get(0).expr(), s);
    }
    ObjectNode out = Values.nodes().objectNode();
    for (Expr.SelectItem item : select.items()) {
      if (item.isStar()) {
        if (s.document() != null && s.document().isObject()) {
          out.setAll((ObjectNode) s.document().deepCopy());
        }
        continue;
      }
      JsonNode v = eval(item.expr(), s);
      if (!Values.isUndefined(v)) {
        put(out, item.name(), v);
      }
    }
    return out;
  }

  /** Puts {@code v} at a dotted alias path, creating intermediate objects. */
  private static void put(ObjectNode out, List<String> path, JsonNode v) {
    ObjectNode target = out;
    for (int i = 0; i < path.size() - 1; i++) {
      JsonNode next = target.get(path.get(i));
      if (!(next instanceof ObjectNode)) {
        next = target.putObject(path.get(i));
      }
      target = (ObjectNode) next;
    }
    target.set(path.get(path.size() - 1), v);
  }

  static JsonNode attribute(JsonNode target, String name) {
    if (target == null || !target.isObject()) {
      return UNDEFINED;
    }
    JsonNode v = target.get(name);
    return v == null ? UNDEFINED : v;
  }

  private static JsonNode index(JsonNode target, JsonNode index) {
    if (target == null || !target.isArray()) {
      return UNDEFINED;
    }
    BigInteger i = Values.toInt(index);
    if (i == null || i.signum() < 0 || i.compareTo(BigInteger.valueOf(target.size())) >= 0) {
      return UNDEFINED;
    }
    return target.get(i.intValue());
  }

  private static JsonNode caseOf(Expr.Case c, Scope s) {
    JsonNode subject = eval(c.subject(), s);
    if (Values.isUndefined(subject)) {
      return UNDEFINED;
    }
    for (int i = 0; i < c.whens().size(); i++) {
      if (Boolean.TRUE.equals(Values.sqlEquals(subject, eval(c.whens().get(i), s)))) {
        return eval(c.thens().get(i), s);
      }
    }
    return c.otherwise() == null ? UNDEFINED : eval(c.otherwise(), s);
  }

  private static JsonNode objectLiteral(Expr.ObjectLiteral o, Scope s) {
    ObjectNode out = Values.nodes().objectNode();
    for (int i = 0; i < o.keys().size(); i++) {
      JsonNode v = eval(o.values().get(i), s);
      if (!Values.isUndefined(v)) {
        out.set(o.keys().get(i), v);
      }
    }
    return out;
  }

  private static JsonNode arrayLiteral(Expr.ArrayLiteral a, Scope s) {
    ArrayNode out = Values.nodes().arrayNode();
    for (Expr item : a.items()) {
      JsonNode v = eval(item, s);
      if (!Values.isUndefined(v)) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * A nested query: the WHERE and SELECT list run once per element of the source array, each
   * element being the document; the result is the array of projections.
   */
  private static JsonNode subQuery(Expr.Select select, Scope s) {
    JsonNode source = eval(select.source(), s);
    if (!source.isArray()) {
      return UNDEFINED;
    }
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode element : source) {
      Scope inner = s.withDocument(element);
      if (matches(select.where(), inner)) {
        JsonNode row = project(select, inner);
        if (!Values.isUndefined(row)) {
          rows.add(row);
        }
      }
    }
    ArrayNode out = Values.nodes().arrayNode();
    out.addAll(rows);
    return out;
  }
}
