package dev.iotctl.local.registry;

import java.util.regex.Pattern;

/**
 * Where the stand-in pretends to be: the region and account id that appear in every ARN.
 *
 * @param region e.g. {@code us-east-1}
 * @param accountId twelve digits
 */
public record RegistryConfig(String region, String accountId) {
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

  public RegistryConfig {
    if (region == null || region.isBlank()) {
      throw new IllegalArgumentException("region is required");
    }
    if (accountId == null || !ACCOUNT.matcher(accountId).matches()) {
      throw new IllegalArgumentException("accountId must be 12 digits: " + accountId);
    }
  }

  /** {@code us-east-1} and account {@code 000000000000}. */
  public static RegistryConfig defaults() {
    return new RegistryConfig("us-east-1", "000000000000");
  }

  /** {@code arn:aws:iot:{region}:{account}:{resourceType}/{name}}. */
  public String arn(String resourceType, String name) {
    return "arn:aws:iot:" + region + ":" + accountId + ":" + resourceType + "/" + name;
  }
}
