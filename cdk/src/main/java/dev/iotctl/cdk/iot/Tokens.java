package dev.iotctl.cdk.iot;

/**
 * Whether a string holds a CDK token, decided in Java: CDK encodes string tokens as {@code
 * ${Token[…]}}, and asking the jsii runtime ({@code Token.isUnresolved}) costs a round trip per
 * string, thousands per fleet.
 */
final class Tokens {
  private Tokens() {}

  static boolean isUnresolved(String s) {
    return s != null && s.contains("${Token[");
  }
}
