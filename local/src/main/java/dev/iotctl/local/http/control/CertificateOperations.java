package dev.iotctl.local.http.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.core.pki.Csrs;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.local.http.json.Fields;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.registry.Certificate;
import dev.iotctl.local.registry.CertificateMode;
import dev.iotctl.local.registry.CertificateRegistry;
import dev.iotctl.local.registry.CertificateStatus;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * CreateKeysAndCertificate, CreateCertificateFromCsr, RegisterCertificateWithoutCA,
 * DescribeCertificate, ListCertificates, UpdateCertificate, DeleteCertificate. The stand-in's CA
 * signs; the registry keeps status and attachments (and its rules: REVOKED is final, no delete
 * while ACTIVE or attached).
 */
public final class CertificateOperations implements RouteProvider {
  /** AWS IoT's own device certificates are valid until the end of 2049. */
  private static final Instant AWS_NOT_AFTER = Instant.parse("2049-12-31T23:59:59Z");

  private final CertificateRegistry certificates;
  private final CertificateAuthority ca;
  private final Clock clock;

  public CertificateOperations(
      CertificateRegistry certificates, CertificateAuthority ca, Clock clock) {
    this.certificates = certificates;
    this.ca = ca;
    this.clock = clock;
  }

  @Override
  public List<Route> routes() {
    String one = "/certificates/{certificateId}";
    return List.of(
        Route.of(
            "POST",
            "/keys-and-certificate",
            "CreateKeysAndCertificate",
            Plane.CONTROL,
            this::createKeys),
        Route.of("POST", "/certificates", "CreateCertificateFromCsr", Plane.CONTROL, this::fromCsr),
        Route.of(
            "POST",
            "/certificate/register-no-ca",
            "RegisterCertificateWithoutCA",
            Plane.CONTROL,
            this::registerNoCa),
        Route.of("GET", one, "DescribeCertificate", Plane.CONTROL, this::describe),
        Route.of("GET", "/certificates", "ListCertificates", Plane.CONTROL, this::list),
        Route.of("PUT", one, "UpdateCertificate", Plane.CONTROL, this::update),
        Route.of("DELETE", one, "DeleteCertificate", Plane.CONTROL, this::delete));
  }

  private ApiResponse createKeys(ApiRequest request) {
    CertificateStatus status = initialStatus(request);
    KeyPair keys = KeyPairs.generate(KeyType.RSA_2048);
    X509Certificate x509 =
        ca.issueDeviceCertificate(keys.getPublic(), "AWS IoT Certificate", validity());
    Certificate certificate =
        certificates.register(Pem.toPem(x509), status, CertificateMode.DEFAULT, Optional.empty());
    ObjectNode body = created(certificate);
    body.putObject("keyPair")
        .put("PublicKey", Pem.toPem(keys.getPublic()))
        .put("PrivateKey", Pem.toTraditionalPem(keys.getPrivate()));
    return Responses.ok(body);
  }

  private ApiResponse fromCsr(ApiRequest request) {
    CertificateStatus status = initialStatus(request);
    String csrPem =
        Fields.requiredString(Json.parseObject(request.body()), "certificateSigningRequest");
    PKCS10CertificationRequest csr;
    try {
      csr = Csrs.parsePem(csrPem);
    } catch (IotException e) {
      throw e;
    } catch (RuntimeException e) {
      throw IotException.invalidRequest("The certificate signing request is not valid.");
    }
    X509Certificate x509 = ca.signCsr(csr, validity());
    Certificate certificate =
        certificates.register(Pem.toPem(x509), status, CertificateMode.DEFAULT, Optional.empty());
    return Responses.ok(created(certificate));
  }

  private ApiResponse registerNoCa(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    String pem = Fields.requiredString(body, "certificatePem");
    CertificateStatus status =
        Fields.string(body, "status")
            .map(CertificateStatus::parse)
            .orElse(CertificateStatus.INACTIVE);
    Certificate certificate =
        certificates.register(pem, status, CertificateMode.SNI_ONLY, Optional.empty());
    return Responses.ok(
        Json.object()
            .put("certificateArn", certificate.arn())
            .put("certificateId", certificate.id()));
  }

  private ApiResponse describe(ApiRequest request) {
    Certificate c = certificates.describe(request.path("certificateId"));
    ObjectNode description =
        Json.object().put("certificateArn", c.arn()).put("certificateId", c.id());
    c.caCertificateId().ifPresent(ca -> description.put("caCertificateId", ca));
    description
        .put("status", c.status().name())
        .put("certificatePem", c.pem())
        .put("ownedBy", c.ownedBy())
        .put("creationDate", Json.epochSeconds(c.creationDate()))
        .put("lastModifiedDate", Json.epochSeconds(c.lastModifiedDate()))
        .put("customerVersion", c.customerVersion())
        .put("generationId", c.generationId())
        .put("certificateMode", c.mode().name());
    description
        .putObject("validity")
        .put("notBefore", Json.epochSeconds(c.notBefore()))
        .put("notAfter", Json.epochSeconds(c.notAfter()));
    ObjectNode body = Json.object();
    body.set("certificateDescription", description);
    return Responses.ok(body);
  }

  private ApiResponse list(ApiRequest request) {
    var page =
        certificates.list(
            request.queryBoolean("isAscendingOrder").orElse(false),
            request.queryInt("pageSize", 1, 250).orElse(null),
            request.query("marker").orElse(null));
    return Responses.page(
        page,
        "certificates",
        "nextMarker",
        (list, c) ->
            list.addObject()
                .put("certificateArn", c.arn())
                .put("certificateId", c.id())
                .put("status", c.status().name())
                .put("certificateMode", c.mode().name())
                .put("creationDate", Json.epochSeconds(c.creationDate())));
  }

  private ApiResponse update(ApiRequest request) {
    CertificateStatus status =
        CertificateStatus.parse(
            request
                .query("newStatus")
                .orElseThrow(() -> IotException.invalidRequest("newStatus is required")));
    certificates.updateStatus(request.path("certificateId"), status);
    return ApiResponse.empty();
  }

  private ApiResponse delete(ApiRequest request) {
    certificates.delete(
        request.path("certificateId"), request.queryBoolean("forceDelete").orElse(false));
    return ApiResponse.empty();
  }

  private static CertificateStatus initialStatus(ApiRequest request) {
    return request.queryBoolean("setAsActive").orElse(false)
        ? CertificateStatus.ACTIVE
        : CertificateStatus.INACTIVE;
  }

  private Duration validity() {
    return Duration.between(clock.instant(), AWS_NOT_AFTER);
  }

  private static ObjectNode created(Certificate certificate) {
    return Json.object()
        .put("certificateArn", certificate.arn())
        .put("certificateId", certificate.id())
        .put("certificatePem", certificate.pem());
  }
}
