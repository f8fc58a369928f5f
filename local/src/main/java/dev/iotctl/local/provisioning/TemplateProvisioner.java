package dev.iotctl.local.provisioning;

import dev.iotctl.core.error.IotException;
import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.core.pki.CertificateIds;
import dev.iotctl.core.pki.Csrs;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.core.provisioning.OverrideAction;
import dev.iotctl.core.provisioning.ProvisioningPlan;
import dev.iotctl.core.provisioning.ProvisioningPlan.CertificateSpec;
import dev.iotctl.core.provisioning.ProvisioningPlan.PolicySpec;
import dev.iotctl.core.provisioning.ProvisioningPlan.ThingSpec;
import dev.iotctl.core.provisioning.ProvisioningTemplate;
import dev.iotctl.local.registry.AttributePayload;
import dev.iotctl.local.registry.Certificate;
import dev.iotctl.local.registry.CertificateMode;
import dev.iotctl.local.registry.CertificateStatus;
import dev.iotctl.local.registry.Registry;
import dev.iotctl.local.registry.Thing;
import dev.iotctl.local.registry.ThingPrincipalType;
import dev.iotctl.local.registry.ThingUpdate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Applies an evaluated provisioning template to the registry, all of it in one transaction: the
 * thing (created, or changed as its {@code OverrideSettings} say), the certificate (signed from a
 * CSR by the stand-in's CA, registered from a PEM signed by a registered CA, or an existing one),
 * the policies (existing by name, or created from a document and named by its hash), the policies
 * attached to the certificate and the certificate to the thing. What RegisterThing, just-in-time
 * provisioning, fleet provisioning and bulk registration share.
 */
public final class TemplateProvisioner {
  /** AWS IoT's own device certificates are valid until the end of 2049. */
  private static final Instant AWS_NOT_AFTER = Instant.parse("2049-12-31T23:59:59Z");

  private final Registry registry;
  private final CaCertificateRegistry cas;
  private final CertificateAuthority standInCa;
  private final Clock clock;

  TemplateProvisioner(
      Registry registry, CaCertificateRegistry cas, CertificateAuthority standInCa, Clock clock) {
    this.registry = registry;
    this.cas = cas;
    this.standInCa = standInCa;
    this.clock = clock;
  }

  /**
   * What provisioning made.
   *
   * @param certificatePem the certificate's PEM (for a certificate signed from a CSR, the new one)
   * @param resourceArns each resource's ARN by its logical name
   */
  public record Provisioned(
      Optional<String> thingName,
      Optional<Certificate> certificate,
      Optional<String> certificatePem,
      Map<String, String> resourceArns,
      Map<String, String> deviceConfiguration) {}

  /**
   * RegisterThing: evaluates the template with the parameters and applies it. A resource that
   * cannot be made is AWS's ResourceRegistrationFailureException; an invalid template or missing
   * value stays InvalidRequestException.
   */
  public Provisioned register(ProvisioningTemplate template, Map<String, String> parameters) {
    ProvisioningPlan plan = template.resolve(parameters);
    try {
      return apply(plan);
    } catch (IotException e) {
      if (e.httpStatus() == 400 && "InvalidRequestException".equals(e.errorCode())) {
        throw e;
      }
      throw ProvisioningErrors.registrationFailure(e.getMessage());
    }
  }

  /**
   * Applies {@code plan}. A certificate named by id that is {@code PENDING_ACTIVATION} (just
   * registered by JITP or created over MQTT for fleet provisioning) takes the template's status
   * whatever its override setting: that is the end of its provisioning.
   *
   * @throws IotException ResourceRegistrationFailureException (or the registry's error) when a
   *     resource cannot be made; nothing is then left behind
   */
  public Provisioned apply(ProvisioningPlan plan) {
    // Signing is outside the transaction: it takes time and touches no state.
    Optional<String> signed = plan.certificate().flatMap(this::signCsr);
    return registry.inOneTransaction(() -> applyInTransaction(plan, signed));
  }

  private Provisioned applyInTransaction(ProvisioningPlan plan, Optional<String> signedPem) {
    Map<String, String> arns = new LinkedHashMap<>();
    Optional<Certificate> certificate = plan.certificate().map(c -> certificate(c, signedPem));
    certificate.ifPresent(c -> arns.put(plan.certificate().get().logicalName(), c.arn()));
    Optional<String> thingName = plan.thing().map(this::thing);
    plan.thing()
        .ifPresent(t -> arns.put(t.logicalName(), registry.things().describe(t.thingName()).arn()));
    for (PolicySpec spec : plan.policies()) {
      String name = policy(spec);
      arns.put(spec.logicalName(), registry.policies().get(name).arn());
      certificate.ifPresent(c -> registry.policies().attach(name, c.arn()));
    }
    if (thingName.isPresent() && certificate.isPresent()) {
      registry
          .thingPrincipals()
          .attach(thingName.get(), certificate.get().arn(), ThingPrincipalType.NON_EXCLUSIVE_THING);
    }
    Optional<Certificate> current = certificate.map(c -> registry.certificates().describe(c.id()));
    return new Provisioned(
        thingName, current, current.map(Certificate::pem), arns, plan.deviceConfiguration());
  }

  private Optional<String> signCsr(CertificateSpec spec) {
    if (spec.certificateSigningRequest().isEmpty()) {
      return Optional.empty();
    }
    PKCS10CertificationRequest csr;
    try {
      csr = Csrs.parsePem(spec.certificateSigningRequest().get());
    } catch (RuntimeException e) {
      throw ProvisioningErrors.invalid("The certificate signing request is not valid.");
    }
    X509Certificate x509 = standInCa.signCsr(csr, Duration.between(clock.instant(), AWS_NOT_AFTER));
    return Optional.of(Pem.toPem(x509));
  }

  private Certificate certificate(CertificateSpec spec, Optional<String> signedPem) {
    CertificateStatus status = CertificateStatus.valueOf(spec.status());
    if (signedPem.isPresent()) {
      return registry
          .certificates()
          .register(signedPem.get(), status, CertificateMode.DEFAULT, Optional.empty());
    }
    if (spec.certificateId().isPresent()) {
      String id = spec.certificateId().get().toLowerCase(Locale.ROOT);
      Certificate existing =
          registry
              .certificates()
              .find(id)
              .orElseThrow(
                  () ->
                      ProvisioningErrors.registrationFailure(
                          "The certificate " + id + " does not exist."));
      return withStatus(existing, status, spec.statusOverride(), spec.logicalName());
    }
    String pem = spec.certificatePem().orElseThrow();
    String id = CertificateIds.of(Pem.parseCertificate(pem));
    Optional<Certificate> existing = registry.certificates().find(id);
    if (existing.isPresent()) {
      return withStatus(existing.get(), status, spec.statusOverride(), spec.logicalName());
    }
    return cas.registerCertificate(pem, spec.caCertificatePem(), status);
  }

  private Certificate withStatus(
      Certificate existing, CertificateStatus status, OverrideAction action, String logicalName) {
    boolean pending = existing.status() == CertificateStatus.PENDING_ACTIVATION;
    if (existing.status() == status) {
      return existing;
    }
    if (!pending && action == OverrideAction.FAIL) {
      throw conflict(logicalName, "the certificate's Status");
    }
    if (pending || action == OverrideAction.REPLACE) {
      registry.certificates().updateStatus(existing.id(), status);
      return registry.certificates().describe(existing.id());
    }
    return existing;
  }

  private String thing(ThingSpec spec) {
    if (spec.billingGroup().isPresent()) {
      throw ProvisioningErrors.registrationFailure(
          spec.logicalName() + ": BillingGroup is not supported by the stand-in.");
    }
    Optional<Thing> existing = findThing(spec.thingName());
    if (existing.isEmpty()) {
      registry
          .things()
          .create(spec.thingName(), spec.thingTypeName(), spec.attributes().orElse(Map.of()));
      spec.thingGroups()
          .ifPresent(
              groups ->
                  registry.thingGroups().updateGroupsForThing(spec.thingName(), groups, List.of()));
      return spec.thingName();
    }
    Thing thing = existing.get();
    Optional<AttributePayload> attributes =
        spec.attributes()
            .flatMap(
                a ->
                    override(spec, "AttributePayload", !a.equals(thing.attributes()))
                        .map(action -> new AttributePayload(a, action == OverrideAction.MERGE)));
    Optional<String> type =
        spec.thingTypeName()
            .filter(
                t ->
                    override(spec, "ThingTypeName", !thing.typeName().equals(Optional.of(t)))
                        .isPresent());
    if (attributes.isPresent() || type.isPresent()) {
      registry.things().update(spec.thingName(), new ThingUpdate(type, false, attributes, null));
    }
    if (spec.thingGroups().isPresent()) {
      List<String> wanted = spec.thingGroups().get();
      List<String> current = new ArrayList<>();
      registry.thingGroups().groupChainsOf(spec.thingName()).forEach(c -> current.add(c.get(0)));
      boolean differs = !(current.containsAll(wanted) && wanted.containsAll(current));
      Optional<OverrideAction> action = override(spec, "ThingGroups", differs);
      if (action.isPresent()) {
        List<String> toRemove =
            action.get() == OverrideAction.REPLACE
                ? current.stream().filter(g -> !wanted.contains(g)).toList()
                : List.of();
        List<String> toAdd = wanted.stream().filter(g -> !current.contains(g)).toList();
        registry.thingGroups().updateGroupsForThing(spec.thingName(), toAdd, toRemove);
      }
    }
    return spec.thingName();
  }

  /** The action to take on a differing property of an existing thing; empty to leave it. */
  private static Optional<OverrideAction> override(
      ThingSpec spec, String property, boolean differs) {
    OverrideAction action = spec.override(property);
    if (!differs || action == OverrideAction.DO_NOTHING) {
      return Optional.empty();
    }
    if (action == OverrideAction.FAIL) {
      throw conflict(spec.logicalName(), "the thing's " + property);
    }
    return Optional.of(action);
  }

  private Optional<Thing> findThing(String name) {
    try {
      return Optional.of(registry.things().describe(name));
    } catch (IotException e) {
      if (e.httpStatus() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The policy's name: an existing one, or one created from the document (named by its hash). */
  private String policy(PolicySpec spec) {
    if (spec.policyDocument().isEmpty()) {
      return registry.policies().get(spec.policyName().orElseThrow()).name();
    }
    String document = spec.policyDocument().get();
    String name = spec.policyName().orElseGet(() -> hashName(document));
    try {
      return registry.policies().get(name).name();
    } catch (IotException e) {
      if (e.httpStatus() != 404) {
        throw e;
      }
    }
    return registry.policies().create(name, document).name();
  }

  /**
   * AWS: "PolicyName … Defaults to a hash of the policy document" (40 hex digits, as AWS shows).
   */
  static String hashName(String document) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(document.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static IotException conflict(String logicalName, String what) {
    return new IotException(
        "ResourceConflictsException",
        409,
        logicalName + ": " + what + " differs from the template and its override setting is FAIL.");
  }
}
