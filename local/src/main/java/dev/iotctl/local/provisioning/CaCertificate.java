package dev.iotctl.local.provisioning;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * A registered CA certificate, as DescribeCACertificate reports it.
 *
 * @param status {@code ACTIVE} or {@code INACTIVE}
 * @param autoRegistration {@code ENABLE} or {@code DISABLE}
 * @param mode {@code DEFAULT} or {@code SNI_ONLY}
 */
public record CaCertificate(
    String id,
    String arn,
    String pem,
    X509Certificate x509,
    String status,
    String autoRegistration,
    String mode,
    Optional<RegistrationConfig> registrationConfig,
    String ownedBy,
    Instant creationDate,
    Instant lastModifiedDate,
    long customerVersion,
    String generationId) {

  public boolean isActive() {
    return "ACTIVE".equals(status);
  }

  /** ACTIVE and auto-registration enabled: devices it signed register on first connection. */
  public boolean registersOnConnection() {
    return isActive() && "ENABLE".equals(autoRegistration);
  }
}
