package dev.iotctl.local.provisioning;

/** AWS's constraint on role ARNs in provisioning requests (length 20 to 2048). */
final class RoleArns {
  private RoleArns() {}

  static void validate(String arn, String member) {
    if (arn == null) {
      throw ProvisioningErrors.invalid(
          "1 validation error detected: Value null at '"
              + member
              + "' failed to satisfy constraint: Member must not be null");
    }
    if (arn.length() < 20 || arn.length() > 2048) {
      throw ProvisioningErrors.invalid(
          "1 validation error detected: Value at '"
              + member
              + "' failed to satisfy constraint: Member must have length between 20 and 2048");
    }
  }
}
