package dev.iotctl.local.provisioning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import dev.iotctl.core.pki.CertificateIds;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.core.provisioning.CertificateParameters;
import dev.iotctl.core.provisioning.ProvisioningPlan;
import dev.iotctl.core.provisioning.ProvisioningTemplate;
import dev.iotctl.local.registry.Certificate;
import dev.iotctl.local.registry.CertificateMode;
import dev.iotctl.local.registry.CertificateStatus;
import dev.iotctl.local.registry.Registry;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS's just-in-time registration and provisioning, run when a device presents a certificate the
 * registry does not know (or knows as {@code PENDING_ACTIVATION}) and a registered CA certificate
 * that is ACTIVE with auto-registration enabled signed it:
 *
 * <ul>
 *   <li>without a provisioning template on the CA (JITR), the certificate is registered {@code
 *       PENDING_ACTIVATION}, {@code $aws/events/certificates/registered/<caCertificateId>} is
 *       published, and the connection is refused until something activates the certificate;
 *   <li>with one (JITP), the template is evaluated with the parameters taken from the certificate's
 *       subject, the certificate is registered and the template's thing, policies and status
 *       applied, all in one transaction; this first connection is still refused (as AWS's own JITP
 *       walkthrough shows: the device reconnects), the next one is admitted.
 * </ul>
 *
 * A device need not present its CA certificate: the issuer is found among the registered CAs by
 * name and signature. A failed provisioning leaves nothing behind.
 */
public final class JustInTimeRegistration {
  private static final Logger LOG = LoggerFactory.getLogger(JustInTimeRegistration.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Registry registry;
  private final CaCertificateRegistry cas;
  private final ProvisioningTemplateRegistry templates;
  private final TemplateProvisioner provisioner;
  private final String accountId;
  private final Clock clock;
  private volatile BiConsumer<String, byte[]> publisher = (topic, payload) -> {};

  JustInTimeRegistration(
      Registry registry,
      CaCertificateRegistry cas,
      ProvisioningTemplateRegistry templates,
      TemplateProvisioner provisioner,
      String accountId,
      Clock clock) {
    this.registry = registry;
    this.cas = cas;
    this.templates = templates;
    this.provisioner = provisioner;
    this.accountId = accountId;
    this.clock = clock;
  }

  /** Where the registration events go (the gateway's service publish). */
  void publishVia(BiConsumer<String, byte[]> publisher) {
    this.publisher = publisher;
  }

  /**
   * Handles a certificate presented on a connection that the registry does not know as ACTIVE.
   *
   * @return the certificate's registration after this, when it was registered or provisioned
   */
  public Optional<Certificate> onFirstConnection(List<X509Certificate> chain) {
    if (chain.isEmpty()) {
      return Optional.empty();
    }
    X509Certificate leaf = chain.get(0);
    try {
      leaf.checkValidity();
    } catch (CertificateException e) {
      return Optional.empty();
    }
    String id = CertificateIds.of(leaf);
    Optional<Certificate> known = registry.certificates().find(id);
    if (known.isPresent()) {
      Certificate certificate = known.get();
      if (certificate.status() == CertificateStatus.PENDING_ACTIVATION
          && certificate.caCertificateId().isPresent()) {
        // "or when a client presents a certificate in the PENDING_ACTIVATION status"
        publishRegistered(certificate);
      }
      return known;
    }
    Optional<X509Certificate> presentedCa =
        chain.size() > 1 ? Optional.of(chain.get(1)) : Optional.empty();
    Optional<CaCertificate> issuer =
        cas.issuerOf(leaf, presentedCa).or(() -> cas.issuerOf(leaf, Optional.empty()));
    if (issuer.isEmpty() || !issuer.get().registersOnConnection()) {
      return Optional.empty();
    }
    CaCertificate ca = issuer.get();
    try {
      Optional<String> templateBody = templateBody(ca);
      if (templateBody.isEmpty()) {
        Certificate registered = registerPending(leaf, ca);
        publishRegistered(registered);
        return Optional.of(registered);
      }
      return Optional.of(provision(leaf, id, ca, templateBody.get()));
    } catch (IotException e) {
      if ("ResourceAlreadyExistsException".equals(e.errorCode())) {
        // A concurrent first connection registered it.
        return registry.certificates().find(id);
      }
      LOG.warn(
          "just-in-time provisioning of certificate {} (CA {}) failed: {}",
          id,
          ca.id(),
          e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<String> templateBody(CaCertificate ca) {
    Optional<RegistrationConfig> config = ca.registrationConfig();
    if (config.isEmpty()) {
      return Optional.empty();
    }
    if (config.get().templateBody().isPresent()) {
      return config.get().templateBody();
    }
    return config
        .get()
        .templateName()
        .flatMap(templates::find)
        .map(ProvisioningTemplateSummary::body);
  }

  private Certificate registerPending(X509Certificate leaf, CaCertificate ca) {
    return registry
        .certificates()
        .register(
            Pem.toPem(leaf),
            CertificateStatus.PENDING_ACTIVATION,
            CertificateMode.valueOf(ca.mode()),
            Optional.of(ca.id()));
  }

  /** The certificate and the template's resources, in one transaction. */
  private Certificate provision(
      X509Certificate leaf, String id, CaCertificate ca, String templateBody) {
    ProvisioningTemplate template = ProvisioningTemplate.parse(templateBody);
    Map<String, String> parameters = CertificateParameters.of(leaf, id);
    for (String declared : template.parameters().keySet()) {
      if (declared.startsWith(CertificateParameters.PREFIX) && !parameters.containsKey(declared)) {
        // "the device provisioning fails if the certificate doesn't have all of the properties"
        throw ProvisioningErrors.registrationFailure(
            "the certificate has no value for " + declared);
      }
    }
    ProvisioningPlan plan = template.resolve(parameters);
    return registry.inOneTransaction(
        () -> {
          registerPending(leaf, ca);
          return provisioner
              .apply(plan)
              .certificate()
              .orElseGet(() -> registry.certificates().describe(id));
        });
  }

  private void publishRegistered(Certificate certificate) {
    String caId = certificate.caCertificateId().orElseThrow();
    ObjectNode event = JSON.createObjectNode();
    event.put("certificateId", certificate.id());
    event.put("caCertificateId", caId);
    event.put("timestamp", clock.millis());
    event.put("certificateStatus", CertificateStatus.PENDING_ACTIVATION.name());
    event.put("awsAccountId", accountId);
    event.put(
        "certificateRegistrationTimestamp",
        Long.toString(certificate.creationDate().toEpochMilli()));
    publisher.accept(
        "$aws/events/certificates/registered/" + caId,
        event.toString().getBytes(StandardCharsets.UTF_8));
  }
}
