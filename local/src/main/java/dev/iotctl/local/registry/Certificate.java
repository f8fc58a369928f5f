package dev.iotctl.local.registry;

import java.time.Instant;
import java.util.Optional;

/** A registered certificate, as DescribeCertificate reports it. */
public record Certificate(
    String id,
    String arn,
    String pem,
    CertificateStatus status,
    CertificateMode mode,
    Optional<String> caCertificateId,
    String ownedBy,
    Instant creationDate,
    Instant lastModifiedDate,
    Instant notBefore,
    Instant notAfter,
    long customerVersion,
    String generationId) {}
