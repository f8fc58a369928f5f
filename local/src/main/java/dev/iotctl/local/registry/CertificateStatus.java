package dev.iotctl.local.registry;

import java.util.Locale;

/** AWS IoT's certificate statuses. */
public enum CertificateStatus {
  ACTIVE,
  INACTIVE,
  REVOKED,
  PENDING_TRANSFER,
  REGISTER_INACTIVE,
  PENDING_ACTIVATION;

  /**
   * The status named by an API value.
   *
   * @throws dev.iotctl.core.error.IotException {@code InvalidRequestException} for an unknown name
   */
  public static CertificateStatus parse(String value) {
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw Errors.invalid("Invalid certificate status: " + value);
    }
  }
}
