package dev.iotctl.cli.certs;

import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.core.pki.Csrs;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.AttachPolicyRequest;
import software.amazon.awssdk.services.iot.model.AttachThingPrincipalRequest;
import software.amazon.awssdk.services.iot.model.AttributePayload;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.CreateCertificateFromCsrResponse;
import software.amazon.awssdk.services.iot.model.CreateThingRequest;
import software.amazon.awssdk.services.iot.model.DescribeThingRequest;
import software.amazon.awssdk.services.iot.model.GetPolicyRequest;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * Issues one device's certificate: the key pair and CSR are made here, so the private key never
 * leaves the machine, and the key is on disk (0600) before the certificate is requested. Re-running
 * is safe: a complete bundle with an ACTIVE certificate is reported and left alone, and a
 * certificate created just before a crash is found again by its public key instead of being
 * duplicated. Any failure after the certificate exists rolls it back. Temp files a killed run left
 * in the bundle (a key or CSR never moved into place: nothing was requested for them) are removed
 * before anything else. Throttling is retried by the SDK ({@code Retries.DURABLE}).
 */
public final class CertificateIssuer {
  static final String CSR_FILE = "device.csr.pem";

  private final IotClient iot;
  private final DeviceEndpoint endpoint;
  private final CertificateLookup lookup;

  /** Policies known to exist: a bulk run checks each once, not once per device. */
  private final Set<String> existingPolicies = ConcurrentHashMap.newKeySet();

  public CertificateIssuer(IotClient iot, DeviceEndpoint endpoint) {
    this.iot = iot;
    this.endpoint = endpoint;
    this.lookup = new CertificateLookup(iot);
  }

  public IssueResult issue(IssueRequest request) {
    Path dir = request.bundleDir();
    TempFiles.removeLeftovers(dir);
    Optional<DeviceBundle> existing = DeviceBundle.read(dir);
    if (existing.isPresent()) {
      return alreadyIssued(request, existing.get());
    }
    checkPolicies(request.policies());
    ensureThing(request);
    PreparedCsr prepared = csrFor(request, dir);
    PKCS10CertificationRequest csr = prepared.csr();

    // A crash between CreateCertificateFromCsr and device.json leaves a certificate we must not
    // duplicate: when the key pair is left over from an earlier run, look for it first.
    Optional<CertificateLookup.Found> recovered =
        prepared.leftOver()
            ? lookup.findByPublicKey(request.device(), csr, dir.resolve(CSR_FILE))
            : Optional.empty();
    String certificateId;
    String certificateArn;
    String certificatePem;
    if (recovered.isPresent()) {
      if (!"ACTIVE".equals(recovered.get().status())) {
        // Left INACTIVE by an interrupted rollback: it is this device's, so it is used again.
        String id = recovered.get().id();
        iot.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.ACTIVE));
      }
      certificateId = recovered.get().id();
      certificateArn = recovered.get().arn();
      certificatePem = recovered.get().pem();
    } else {
      CreateCertificateFromCsrResponse created =
          iot.createCertificateFromCsr(
              r -> r.certificateSigningRequest(Csrs.toPem(csr)).setAsActive(true));
      certificateId = created.certificateId();
      certificateArn = created.certificateArn();
      certificatePem = created.certificatePem();
    }
    Rollback rollback = new Rollback(iot, certificateId, certificateArn);
    try {
      for (String policy : request.policies()) {
        iot.attachPolicy(
            AttachPolicyRequest.builder().policyName(policy).target(certificateArn).build());
        rollback.policyAttached(policy);
      }
      iot.attachThingPrincipal(
          AttachThingPrincipalRequest.builder()
              .thingName(request.device())
              .principal(certificateArn)
              .build());
      rollback.thingAttached(request.device());
      Pem.writeAtomically(dir.resolve(DeviceBundle.CERTIFICATE), certificatePem);
      Pem.writeAtomically(dir.resolve(DeviceBundle.ROOT_CA), endpoint.rootCaPem());
      DeviceBundle.of(dir, request.device(), certificateId, certificateArn, endpoint).write(dir);
    } catch (RuntimeException e) {
      rollback.run(e);
      deleteQuietly(dir.resolve(DeviceBundle.CERTIFICATE));
      throw e;
    }
    return new IssueResult(
        request.device(),
        recovered.isPresent() ? IssueResult.Outcome.RECOVERED : IssueResult.Outcome.ISSUED,
        certificateId,
        certificateArn,
        dir);
  }

  private IssueResult alreadyIssued(IssueRequest request, DeviceBundle bundle) {
    CertificateStatus status =
        iot.describeCertificate(r -> r.certificateId(bundle.certificateId()))
            .certificateDescription()
            .status();
    if (status != CertificateStatus.ACTIVE) {
      throw new CliException(
          ExitCodes.CONFLICT,
          request.device()
              + " already has a bundle in "
              + request.bundleDir()
              + " whose certificate "
              + bundle.certificateId()
              + " is "
              + status,
          "issue a new one with 'iotctl certs rotate " + request.device() + "'");
    }
    return new IssueResult(
        request.device(),
        IssueResult.Outcome.ALREADY_ISSUED,
        bundle.certificateId(),
        bundle.certificateArn(),
        request.bundleDir());
  }

  /** Fails before anything is created when a policy does not exist (checked once per policy). */
  void checkPolicies(List<String> policies) {
    for (String policy : policies) {
      if (existingPolicies.contains(policy)) {
        continue;
      }
      try {
        iot.getPolicy(GetPolicyRequest.builder().policyName(policy).build());
        existingPolicies.add(policy);
      } catch (ResourceNotFoundException e) {
        throw new CliException(
            ExitCodes.NOT_FOUND,
            "policy " + policy + " does not exist",
            "create it first: 'iotctl policy create " + policy + " --file policies/...'");
      }
    }
  }

  private void ensureThing(IssueRequest request) {
    if (request.createThing()) {
      try {
        iot.createThing(
            CreateThingRequest.builder()
                .thingName(request.device())
                .thingTypeName(request.thingType())
                .attributePayload(
                    request.attributes().isEmpty()
                        ? null
                        : AttributePayload.builder().attributes(request.attributes()).build())
                .build());
      } catch (ResourceAlreadyExistsException e) {
        // The thing exists with other attributes: it is still the device's thing.
      }
      return;
    }
    try {
      iot.describeThing(DescribeThingRequest.builder().thingName(request.device()).build());
    } catch (ResourceNotFoundException e) {
      throw new CliException(
          ExitCodes.NOT_FOUND,
          "thing " + request.device() + " does not exist",
          "pass --create-thing, or create it with 'iotctl things create " + request.device() + "'");
    }
  }

  /** A CSR to send, and whether its key pair is left over from an earlier, interrupted run. */
  private record PreparedCsr(PKCS10CertificationRequest csr, boolean leftOver) {}

  /** The CSR to send: the caller's, or one for a key pair made (or left by a crash) here. */
  private static PreparedCsr csrFor(IssueRequest request, Path dir) {
    try {
      Files.createDirectories(dir);
      if (request.csrFile() != null) {
        String pem = Files.readString(request.csrFile());
        Pem.writeAtomically(dir.resolve(CSR_FILE), pem);
        return new PreparedCsr(Csrs.parsePem(pem), false);
      }
      Path keyFile = dir.resolve(DeviceBundle.PRIVATE_KEY);
      Path csrFile = dir.resolve(CSR_FILE);
      if (Files.exists(keyFile) && Files.exists(csrFile)) {
        return new PreparedCsr(Csrs.parsePem(Files.readString(csrFile)), true);
      }
      KeyPair keyPair = KeyPairs.generate(request.keyType());
      // The key is on disk, 0600, before anything depends on it.
      Pem.writePrivateKey(keyFile, keyPair.getPrivate());
      PKCS10CertificationRequest csr = Csrs.create(keyPair, request.device());
      Pem.writeAtomically(csrFile, Csrs.toPem(csr));
      return new PreparedCsr(csr, false);
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot write to " + dir + ": " + e.getMessage());
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // Best effort: the bundle is incomplete without device.json anyway.
    }
  }

  /** Undoes what was done for a certificate, newest first, and says so if it cannot. */
  static final class Rollback {
    private final IotClient iot;
    private final String certificateId;
    private final String certificateArn;
    private final List<String> policies = new ArrayList<>();
    private String thing;

    Rollback(IotClient iot, String certificateId, String certificateArn) {
      this.iot = iot;
      this.certificateId = certificateId;
      this.certificateArn = certificateArn;
    }

    void policyAttached(String policy) {
      policies.add(policy);
    }

    void thingAttached(String thingName) {
      thing = thingName;
    }

    void run(RuntimeException cause) {
      try {
        iot.updateCertificate(
            r -> r.certificateId(certificateId).newStatus(CertificateStatus.INACTIVE));
        if (thing != null) {
          iot.detachThingPrincipal(r -> r.thingName(thing).principal(certificateArn));
        }
        for (String policy : policies) {
          iot.detachPolicy(r -> r.policyName(policy).target(certificateArn));
        }
        iot.deleteCertificate(r -> r.certificateId(certificateId));
      } catch (RuntimeException e) {
        cause.addSuppressed(
            new CliException(
                ExitCodes.FAILURE,
                "rollback of certificate " + certificateId + " failed: " + e.getMessage(),
                "revoke it with 'iotctl certs revoke --certificate-id "
                    + certificateId
                    + " --delete'"));
      }
    }
  }
}
