package dev.iotctl.local.provisioning;

import dev.iotctl.core.pki.CertificateIds;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.core.provisioning.ProvisioningTemplate;
import dev.iotctl.local.registry.Certificate;
import dev.iotctl.local.registry.CertificateMode;
import dev.iotctl.local.registry.CertificateRegistry;
import dev.iotctl.local.registry.CertificateStatus;
import dev.iotctl.local.store.CreationKey;
import dev.iotctl.local.store.Page;
import dev.iotctl.local.store.Pages;
import dev.iotctl.local.store.Transaction;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Your own CA certificates: GetRegistrationCode, RegisterCACertificate (with the verification
 * certificate whose common name is the registration code), DescribeCACertificate,
 * UpdateCACertificate, ListCACertificates, DeleteCACertificate, and RegisterCertificate for device
 * certificates a registered CA signed. Also answers, for the TLS handshake, which registered CA
 * issued a certificate.
 */
public final class CaCertificateRegistry {
  /** AWS: up to 10 CA certificates with the same subject field per account. */
  static final int MAX_SAME_SUBJECT = 10;

  private static final Pattern ID = Pattern.compile("(0x)?[a-fA-F0-9]{64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ProvisioningStore store;
  private final CertificateRegistry certificates;
  private final ProvisioningTemplateRegistry templates;

  /** Registered CAs by subject, for handshakes; null after a change (reloaded on next use). */
  private volatile Map<String, List<CaCertificate>> bySubject;

  CaCertificateRegistry(
      ProvisioningStore store,
      CertificateRegistry certificates,
      ProvisioningTemplateRegistry templates) {
    this.store = store;
    this.certificates = certificates;
    this.templates = templates;
  }

  /** GetRegistrationCode: one code per account (64 hex digits), stable once issued. */
  public String registrationCode() {
    return store
        .db()
        .write(
            tx -> {
              Optional<String> code =
                  tx.queryOne(
                      "SELECT code FROM registration_code WHERE id = 1", row -> row.getString(1));
              if (code.isPresent()) {
                return code.get();
              }
              byte[] bytes = new byte[32];
              RANDOM.nextBytes(bytes);
              String created = HexFormat.of().formatHex(bytes);
              tx.update("INSERT INTO registration_code (id, code) VALUES (1, ?)", created);
              return created;
            });
  }

  /** What RegisterCACertificate takes. */
  public record NewCaCertificate(
      String caCertificatePem,
      Optional<String> verificationCertificatePem,
      boolean setAsActive,
      boolean allowAutoRegistration,
      Optional<RegistrationConfig> registrationConfig,
      String certificateMode) {}

  /**
   * RegisterCACertificate.
   *
   * @throws dev.iotctl.core.error.IotException CertificateValidationException for a certificate
   *     that is unreadable, expired or not a CA, or a verification certificate it did not sign;
   *     RegistrationCodeValidationException when the verification certificate's common name is not
   *     the registration code; ResourceAlreadyExistsException; LimitExceededException for an 11th
   *     CA with the same subject
   */
  public CaCertificate register(NewCaCertificate request) {
    X509Certificate ca = Pem.parseCertificate(request.caCertificatePem());
    checkValidity(ca, "CA certificate");
    if (ca.getBasicConstraints() < 0) {
      throw ProvisioningErrors.certificateValidation("The certificate is not a CA certificate.");
    }
    String mode = request.certificateMode();
    if (!mode.equals("DEFAULT") && !mode.equals("SNI_ONLY")) {
      throw ProvisioningErrors.invalid("certificateMode must be DEFAULT or SNI_ONLY.");
    }
    if (mode.equals("DEFAULT")) {
      verify(ca, request.verificationCertificatePem());
    }
    request.registrationConfig().ifPresent(this::validate);
    String id = CertificateIds.of(ca);
    String subject = subject(ca);
    CaCertificate registered =
        store
            .db()
            .write(
                tx -> {
                  if (find(tx, id).isPresent()) {
                    throw ProvisioningErrors.alreadyExists(
                        "The certificate is already provisioned or registered");
                  }
                  int sameSubject =
                      tx.queryOne(
                              "SELECT COUNT(*) FROM ca_certificates WHERE subject = ?",
                              row -> row.getInt(1),
                              subject)
                          .orElse(0);
                  if (sameSubject >= MAX_SAME_SUBJECT) {
                    throw ProvisioningErrors.limitExceeded(
                        "At most "
                            + MAX_SAME_SUBJECT
                            + " CA certificates with the same subject can be registered.");
                  }
                  long now = store.now();
                  RegistrationConfig config =
                      request
                          .registrationConfig()
                          .orElse(
                              new RegistrationConfig(
                                  Optional.empty(), Optional.empty(), Optional.empty()));
                  tx.update(
                      "INSERT INTO ca_certificates (id, pem, subject, status, auto_registration,"
                          + " mode, template_body, template_name, role_arn, not_before, not_after,"
                          + " created_at, last_modified_at, customer_version, generation_id)"
                          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
                      id,
                      Pem.toPem(ca),
                      subject,
                      request.setAsActive() ? "ACTIVE" : "INACTIVE",
                      request.allowAutoRegistration() ? "ENABLE" : "DISABLE",
                      mode,
                      config.templateBody().orElse(null),
                      config.templateName().orElse(null),
                      config.roleArn().orElse(null),
                      ca.getNotBefore().getTime(),
                      ca.getNotAfter().getTime(),
                      now,
                      now,
                      UUID.randomUUID().toString());
                  return require(tx, id);
                });
    bySubject = null;
    return registered;
  }

  /** DescribeCACertificate. */
  public CaCertificate describe(String caCertificateId) {
    String id = normalizeId(caCertificateId);
    return store.db().read(tx -> require(tx, id));
  }

  /** What UpdateCACertificate changes (absent members stay as they are). */
  public record CaUpdate(
      Optional<String> newStatus,
      Optional<String> newAutoRegistrationStatus,
      Optional<RegistrationConfig> registrationConfig,
      boolean removeAutoRegistration) {}

  /** UpdateCACertificate. */
  public void update(String caCertificateId, CaUpdate update) {
    String id = normalizeId(caCertificateId);
    update
        .newStatus()
        .filter(s -> !s.equals("ACTIVE") && !s.equals("INACTIVE"))
        .ifPresent(
            s -> {
              throw ProvisioningErrors.invalid("newStatus must be ACTIVE or INACTIVE.");
            });
    update
        .newAutoRegistrationStatus()
        .filter(s -> !s.equals("ENABLE") && !s.equals("DISABLE"))
        .ifPresent(
            s -> {
              throw ProvisioningErrors.invalid(
                  "newAutoRegistrationStatus must be ENABLE or DISABLE.");
            });
    if (update.removeAutoRegistration() && update.registrationConfig().isPresent()) {
      throw ProvisioningErrors.invalid(
          "registrationConfig and removeAutoRegistration cannot both be given.");
    }
    update.registrationConfig().ifPresent(this::validate);
    store
        .db()
        .write(
            tx -> {
              CaCertificate current = require(tx, id);
              Optional<RegistrationConfig> config =
                  update.removeAutoRegistration()
                      ? Optional.empty()
                      : update.registrationConfig().or(current::registrationConfig);
              tx.update(
                  "UPDATE ca_certificates SET status = ?, auto_registration = ?,"
                      + " template_body = ?, template_name = ?, role_arn = ?,"
                      + " last_modified_at = ?, customer_version = customer_version + 1,"
                      + " generation_id = ? WHERE id = ?",
                  update.newStatus().orElse(current.status()),
                  update.newAutoRegistrationStatus().orElse(current.autoRegistration()),
                  config.flatMap(RegistrationConfig::templateBody).orElse(null),
                  config.flatMap(RegistrationConfig::templateName).orElse(null),
                  config.flatMap(RegistrationConfig::roleArn).orElse(null),
                  store.now(),
                  UUID.randomUUID().toString(),
                  id);
              return null;
            });
    bySubject = null;
  }

  /** ListCACertificates, by creation date (then id); optionally only those using a template. */
  public Page<CaCertificate> list(
      boolean ascending, Integer pageSize, String marker, Optional<String> templateName) {
    templateName.ifPresent(ProvisioningTemplateRegistry::validateName);
    int limit = Pages.limit(pageSize, 25, 250);
    CreationKey from = CreationKey.after(marker, ascending);
    String order = ascending ? "ASC" : "DESC";
    String comparison = ascending ? ">" : "<";
    List<CaCertificate> rows =
        store
            .db()
            .read(
                tx ->
                    tx.query(
                        "SELECT * FROM ca_certificates WHERE (? IS NULL OR template_name = ?)"
                            + " AND (created_at, id) "
                            + comparison
                            + " (?, ?) ORDER BY created_at "
                            + order
                            + ", id "
                            + order
                            + " LIMIT ?",
                        this::map,
                        templateName.orElse(null),
                        templateName.orElse(null),
                        from.time(),
                        from.id(),
                        limit + 1));
    return Pages.page(rows, limit, c -> CreationKey.of(c.creationDate(), c.id()));
  }

  /** DeleteCACertificate: only an INACTIVE CA certificate can be deleted. */
  public void delete(String caCertificateId) {
    String id = normalizeId(caCertificateId);
    store
        .db()
        .write(
            tx -> {
              CaCertificate current = require(tx, id);
              if (current.isActive()) {
                throw ProvisioningErrors.certificateState(
                    "The CA certificate " + id + " must be deactivated before deletion.");
              }
              tx.update("DELETE FROM ca_certificates WHERE id = ?", id);
              return null;
            });
    bySubject = null;
  }

  /** Whether a CA certificate's registration config names this template. */
  public boolean usesTemplate(String templateName) {
    return store
        .db()
        .read(
            tx -> tx.exists("SELECT 1 FROM ca_certificates WHERE template_name = ?", templateName));
  }

  /**
   * RegisterCertificate: a device certificate signed by a registered CA — the one given, or the
   * registered CA whose key signed it.
   *
   * @throws dev.iotctl.core.error.IotException CertificateValidationException when no registered CA
   *     signed it or it is expired; CertificateStateException when that CA is not ACTIVE
   */
  public Certificate registerCertificate(
      String certificatePem, Optional<String> caCertificatePem, CertificateStatus status) {
    if (status == CertificateStatus.PENDING_TRANSFER
        || status == CertificateStatus.REGISTER_INACTIVE) {
      throw ProvisioningErrors.invalid(
          "The certificate status " + status + " cannot be set when registering a certificate.");
    }
    X509Certificate device = Pem.parseCertificate(certificatePem);
    checkValidity(device, "certificate");
    Optional<X509Certificate> presented = caCertificatePem.map(Pem::parseCertificate);
    CaCertificate ca =
        issuerOf(device, presented)
            .orElseThrow(
                () ->
                    ProvisioningErrors.certificateValidation(
                        presented.isPresent()
                            ? "The CA certificate is not registered or did not sign the"
                                + " certificate."
                            : "The certificate is not signed by a registered CA certificate."));
    if (!ca.isActive()) {
      throw ProvisioningErrors.certificateState(
          "The CA certificate " + ca.id() + " is not active.");
    }
    return certificates.register(
        certificatePem, status, CertificateMode.valueOf(ca.mode()), Optional.of(ca.id()));
  }

  /**
   * The registered CA certificate that signed {@code certificate}: the one presented (when given,
   * it must be registered and have signed it), else any registered one with the issuer's subject
   * whose key verifies the signature, ACTIVE ones first.
   */
  public Optional<CaCertificate> issuerOf(
      X509Certificate certificate, Optional<X509Certificate> presented) {
    List<CaCertificate> candidates =
        snapshot().getOrDefault(issuer(certificate), List.of()).stream()
            .filter(ca -> presented.isEmpty() || ca.id().equals(CertificateIds.of(presented.get())))
            .sorted((a, b) -> Boolean.compare(b.isActive(), a.isActive()))
            .toList();
    for (CaCertificate ca : candidates) {
      try {
        certificate.verify(ca.x509().getPublicKey());
        return Optional.of(ca);
      } catch (GeneralSecurityException | RuntimeException e) {
        // not this one
      }
    }
    return Optional.empty();
  }

  private Map<String, List<CaCertificate>> snapshot() {
    Map<String, List<CaCertificate>> current = bySubject;
    if (current == null) {
      current =
          store.db().read(tx -> tx.query("SELECT * FROM ca_certificates", this::map)).stream()
              .collect(Collectors.groupingBy(ca -> subject(ca.x509())));
      bySubject = current;
    }
    return current;
  }

  private void validate(RegistrationConfig config) {
    if (config.templateName().isPresent()) {
      if (config.templateBody().isPresent()) {
        throw ProvisioningErrors.invalid(
            "registrationConfig takes either templateName or templateBody, not both.");
      }
      String name = config.templateName().get();
      ProvisioningTemplateSummary template = templates.describe(name);
      if (!template.type().equals(ProvisioningTemplateRegistry.JITP)) {
        throw ProvisioningErrors.invalid(
            "The provisioning template " + name + " is not of type JITP.");
      }
    }
    if (config.templateBody().isPresent()) {
      ProvisioningTemplate.parse(config.templateBody().get());
      RoleArns.validate(config.roleArn().orElse(null), "registrationConfig.roleArn");
    }
    config.roleArn().ifPresent(arn -> RoleArns.validate(arn, "registrationConfig.roleArn"));
  }

  /** The verification certificate: signed by the CA, common name = the registration code. */
  private void verify(X509Certificate ca, Optional<String> verificationPem) {
    if (verificationPem.isEmpty()) {
      throw ProvisioningErrors.invalid(
          "A verification certificate is required to register a CA certificate in DEFAULT"
              + " mode.");
    }
    X509Certificate verification = Pem.parseCertificate(verificationPem.get());
    checkValidity(verification, "verification certificate");
    try {
      verification.verify(ca.getPublicKey());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw ProvisioningErrors.certificateValidation(
          "The verification certificate is not signed by the CA certificate.");
    }
    Map<String, String> fields =
        dev.iotctl.core.provisioning.CertificateParameters.of(verification, "");
    String commonName =
        fields.get(dev.iotctl.core.provisioning.CertificateParameters.PREFIX + "CommonName");
    if (commonName == null || !commonName.equalsIgnoreCase(registrationCode())) {
      throw ProvisioningErrors.registrationCode(
          "The verification certificate's common name is not the registration code.");
    }
  }

  private static void checkValidity(X509Certificate certificate, String what) {
    try {
      certificate.checkValidity();
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      throw ProvisioningErrors.certificateValidation("The " + what + " is not valid now.");
    }
  }

  /** AWS ids are 64 hex digits, optionally prefixed {@code 0x}; ids are stored lower case. */
  public static String normalizeId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw ProvisioningErrors.invalid(
          "1 validation error detected: Value at 'certificateId' failed to satisfy constraint:"
              + " Member must have length 64 and satisfy regular expression pattern:"
              + " (0x)?[a-fA-F0-9]+");
    }
    return (id.startsWith("0x") ? id.substring(2) : id).toLowerCase(Locale.ROOT);
  }

  private static String subject(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName();
  }

  private static String issuer(X509Certificate certificate) {
    return certificate.getIssuerX500Principal().getName();
  }

  private CaCertificate require(Transaction tx, String id) throws SQLException {
    return find(tx, id)
        .orElseThrow(
            () -> ProvisioningErrors.notFound("The CA certificate " + id + " does not exist."));
  }

  private Optional<CaCertificate> find(Transaction tx, String id) throws SQLException {
    return tx.queryOne("SELECT * FROM ca_certificates WHERE id = ?", this::map, id);
  }

  private CaCertificate map(ResultSet row) throws SQLException {
    String id = row.getString("id");
    String pem = row.getString("pem");
    RegistrationConfig config =
        new RegistrationConfig(
            Optional.ofNullable(row.getString("template_body")),
            Optional.ofNullable(row.getString("role_arn")),
            Optional.ofNullable(row.getString("template_name")));
    return new CaCertificate(
        id,
        store.account().arn("cacert", id),
        pem,
        Pem.parseCertificate(pem),
        row.getString("status"),
        row.getString("auto_registration"),
        row.getString("mode"),
        config.isEmpty() ? Optional.empty() : Optional.of(config),
        store.account().accountId(),
        Instant.ofEpochMilli(row.getLong("created_at")),
        Instant.ofEpochMilli(row.getLong("last_modified_at")),
        row.getLong("customer_version"),
        row.getString("generation_id"));
  }
}
