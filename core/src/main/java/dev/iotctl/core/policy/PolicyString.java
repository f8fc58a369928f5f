package dev.iotctl.core.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A string from a policy (action, resource or condition value) parsed once into literal text,
 * wildcards and policy variables, so that evaluation only substitutes and matches.
 *
 * <p>Substitution follows AWS: a variable with a value is replaced by that value, which is matched
 * literally (a {@code *} in a client id is not a wildcard); a variable without a value is not
 * replaced and its {@code ${...}} text stays in the string, so it only matches that literal text
 * (AWS: "the policy variable is not replaced ..., leaving the ${policy-variable} text in the policy
 * document"). {@code ${*}}, {@code ${?}} and {@code ${$}} stand for the literal characters. With
 * policy {@code Version} 2008-10-17 (or none) variables are not recognised at all, as in IAM.
 */
final class PolicyString {
  private sealed interface Part permits Literal, Wildcard, Variable {}

  private record Literal(String text) implements Part {}

  private record Wildcard(int code) implements Part {}

  private record Variable(String name, String defaultValue, String rawText) implements Part {}

  private final String raw;
  private final List<Part> parts;
  private final int[] staticPattern;

  private PolicyString(String raw, List<Part> parts) {
    this.raw = raw;
    this.parts = List.copyOf(parts);
    this.staticPattern = hasVariables() ? null : build(null);
  }

  /** Parses {@code raw}; {@code variables} says whether {@code ${...}} is recognised. */
  static PolicyString parse(String raw, boolean variables) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '*' || c == '?') {
        flush(literal, parts);
        parts.add(new Wildcard(c == '*' ? Glob.STAR : Glob.ONE));
        i++;
      } else if (variables && c == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '{') {
        int end = raw.indexOf('}', i + 2);
        if (end < 0) {
          literal.append(raw, i, raw.length());
          break;
        }
        String body = raw.substring(i + 2, end).trim();
        String rawText = raw.substring(i, end + 1);
        if (body.equals("*") || body.equals("?") || body.equals("$")) {
          literal.append(body);
        } else {
          flush(literal, parts);
          parts.add(variable(body, rawText));
        }
        i = end + 1;
      } else {
        literal.append(c);
        i++;
      }
    }
    flush(literal, parts);
    return new PolicyString(raw, parts);
  }

  /** IAM's {@code ${key, 'default'}} form supplies a value when the key has none. */
  private static Variable variable(String body, String rawText) {
    int comma = body.indexOf(',');
    if (comma < 0) {
      return new Variable(body, null, rawText);
    }
    String fallback = body.substring(comma + 1).trim();
    if (fallback.length() >= 2 && fallback.startsWith("'") && fallback.endsWith("'")) {
      fallback = fallback.substring(1, fallback.length() - 1);
    }
    return new Variable(body.substring(0, comma).trim(), fallback, rawText);
  }

  private static void flush(StringBuilder literal, List<Part> parts) {
    if (literal.length() > 0) {
      parts.add(new Literal(literal.toString()));
      literal.setLength(0);
    }
  }

  /** The text as written in the policy. */
  String raw() {
    return raw;
  }

  boolean hasVariables() {
    return parts.stream().anyMatch(Variable.class::isInstance);
  }

  /** Names of the policy variables used. */
  List<String> variableNames() {
    List<String> names = new ArrayList<>();
    for (Part part : parts) {
      if (part instanceof Variable v) {
        names.add(v.name());
      }
    }
    return names;
  }

  /** True if the string is exactly one wildcard {@code *}. */
  boolean isMatchAll() {
    return parts.size() == 1 && parts.get(0) instanceof Wildcard w && w.code() == Glob.STAR;
  }

  /** The substituted pattern (see {@link Glob}) for this context. */
  int[] pattern(PolicyContext context) {
    return staticPattern != null ? staticPattern : build(context);
  }

  /** Wildcard match of {@code subject} against this string after substitution. */
  boolean matches(String subject, PolicyContext context, boolean ignoreCase) {
    return Glob.matches(pattern(context), subject, ignoreCase);
  }

  /** The substituted text with {@code *} and {@code ?} as plain characters (StringEquals etc.). */
  String text(PolicyContext context) {
    return Glob.text(pattern(context));
  }

  private int[] build(PolicyContext context) {
    String[] substituted = new String[parts.size()];
    int length = 0;
    for (int i = 0; i < substituted.length; i++) {
      Part part = parts.get(i);
      if (part instanceof Literal l) {
        length += l.text().length();
      } else if (part instanceof Variable v) {
        substituted[i] = substitute(v, context);
        length += substituted[i].length();
      } else {
        length++;
      }
    }
    int[] pattern = new int[length];
    int at = 0;
    for (int i = 0; i < substituted.length; i++) {
      Part part = parts.get(i);
      if (part instanceof Wildcard w) {
        pattern[at++] = w.code();
      } else {
        String text = part instanceof Literal l ? l.text() : substituted[i];
        for (int c = 0; c < text.length(); c++) {
          pattern[at++] = text.charAt(c);
        }
      }
    }
    return pattern;
  }

  private static String substitute(Variable variable, PolicyContext context) {
    List<String> values = context == null ? null : context.values(variable.name());
    if (values != null && values.size() == 1) {
      return values.get(0);
    }
    if ((values == null || values.isEmpty()) && variable.defaultValue() != null) {
      return variable.defaultValue();
    }
    return variable.rawText();
  }

  @Override
  public String toString() {
    return raw;
  }
}
