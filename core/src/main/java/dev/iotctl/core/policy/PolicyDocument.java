package dev.iotctl.core.policy;

import dev.iotctl.core.error.IotException;
import java.util.List;

/**
 * A parsed, validated AWS IoT policy document: {@code Version} and its statements.
 *
 * <p>Parse once (e.g. on CreatePolicy / policy attach) and evaluate many times: all patterns are
 * compiled here.
 */
public final class PolicyDocument {
  /**
   * AWS: "policyDocument must have a minimum length of 1, with a maximum length of 2048, excluding
   * whitespace".
   */
  public static final int MAX_CHARACTERS = 2048;

  private final String json;
  private final String version;
  private final List<Statement> statements;

  PolicyDocument(String json, String version, List<Statement> statements) {
    this.json = json;
    this.version = version;
    this.statements = List.copyOf(statements);
  }

  /**
   * Parses and validates a policy document the way AWS IoT's CreatePolicy does.
   *
   * @throws IotException {@code MalformedPolicyException} (400) with AWS's "Policy document is
   *     Malformed" message and the specific reason
   */
  public static PolicyDocument parse(String json) {
    return PolicyParser.parse(json);
  }

  /** The document text as given. */
  public String json() {
    return json;
  }

  /** The {@code Version} element, or null when absent. */
  public String version() {
    return version;
  }

  /** True when policy variables are recognised ({@code Version} 2012-10-17). */
  public boolean variablesEnabled() {
    return PolicyParser.VERSION_2012.equals(version);
  }

  public List<Statement> statements() {
    return statements;
  }
}
