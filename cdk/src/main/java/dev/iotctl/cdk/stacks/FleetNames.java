package dev.iotctl.cdk.stacks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Physical names derived from the fleet's name, the same in every synth. */
public final class FleetNames {
  /** Lambda function names are at most 64 characters. */
  private static final int MAX_FUNCTION_NAME = 64;

  private FleetNames() {}

  /**
   * The fixed name of the fleet's custom-resource function ({@code iotctl-<fleet>-bindings}; a long
   * fleet name is shortened and made unique with a hash). Shards find the function by this name.
   */
  public static String bindingsFunction(String fleetName) {
    String name = "iotctl-" + fleetName + "-bindings";
    if (name.length() <= MAX_FUNCTION_NAME) {
      return name;
    }
    String hash = sha256(fleetName).substring(0, 8);
    int keep = MAX_FUNCTION_NAME - "iotctl--".length() - hash.length() - "-bindings".length();
    return "iotctl-" + fleetName.substring(0, keep) + "-" + hash + "-bindings";
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
