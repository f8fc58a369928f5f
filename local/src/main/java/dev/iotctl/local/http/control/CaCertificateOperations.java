package dev.iotctl.local.http.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.pki.CertificateIds;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.local.http.error.AlreadyExists;
import dev.iotctl.local.http.json.Fields;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.provisioning.CaCertificate;
import dev.iotctl.local.provisioning.CaCertificateRegistry;
import dev.iotctl.local.provisioning.CaCertificateRegistry.CaUpdate;
import dev.iotctl.local.provisioning.CaCertificateRegistry.NewCaCertificate;
import dev.iotctl.local.provisioning.RegistrationConfig;
import dev.iotctl.local.registry.Certificate;
import dev.iotctl.local.registry.CertificateRegistry;
import dev.iotctl.local.registry.CertificateStatus;
import dev.iotctl.local.registry.RegistryConfig;
import java.util.List;

/**
 * GetRegistrationCode, RegisterCACertificate, DescribeCACertificate, UpdateCACertificate,
 * ListCACertificates, DeleteCACertificate, ListCertificatesByCA and RegisterCertificate.
 */
public final class CaCertificateOperations implements RouteProvider {
  private final CaCertificateRegistry cas;
  private final CertificateRegistry certificates;
  private final RegistryConfig account;

  public CaCertificateOperations(
      CaCertificateRegistry cas, CertificateRegistry certificates, RegistryConfig account) {
    this.cas = cas;
    this.certificates = certificates;
    this.account = account;
  }

  @Override
  public List<Route> routes() {
    String one = "/cacertificate/{caCertificateId}";
    return List.of(
        Route.of(
            "GET",
            "/registrationcode",
            "GetRegistrationCode",
            Plane.CONTROL,
            this::registrationCode),
        Route.of("POST", "/cacertificate", "RegisterCACertificate", Plane.CONTROL, this::register),
        Route.of("GET", one, "DescribeCACertificate", Plane.CONTROL, this::describe),
        Route.of("PUT", one, "UpdateCACertificate", Plane.CONTROL, this::update),
        Route.of("DELETE", one, "DeleteCACertificate", Plane.CONTROL, this::delete),
        Route.of("GET", "/cacertificates", "ListCACertificates", Plane.CONTROL, this::list),
        Route.of(
            "GET",
            "/certificates-by-ca/{caCertificateId}",
            "ListCertificatesByCA",
            Plane.CONTROL,
            this::listByCa),
        Route.of(
            "POST",
            "/certificate/register",
            "RegisterCertificate",
            Plane.CONTROL,
            this::registerCertificate));
  }

  private ApiResponse registrationCode(ApiRequest request) {
    return Responses.ok(Json.object().put("registrationCode", cas.registrationCode()));
  }

  private ApiResponse register(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    String caPem = Fields.requiredString(body, "caCertificate");
    NewCaCertificate ca =
        new NewCaCertificate(
            caPem,
            Fields.string(body, "verificationCertificate"),
            request.queryBoolean("setAsActive").orElse(false),
            request.queryBoolean("allowAutoRegistration").orElse(false),
            Fields.object(body, "registrationConfig").map(CaCertificateOperations::config),
            Fields.string(body, "certificateMode").orElse("DEFAULT"));
    CaCertificate registered =
        AlreadyExists.naming(
            idOf(caPem), () -> account.arn("cacert", idOf(caPem)), () -> cas.register(ca));
    return Responses.ok(
        Json.object()
            .put("certificateArn", registered.arn())
            .put("certificateId", registered.id()));
  }

  private ApiResponse describe(ApiRequest request) {
    CaCertificate c = cas.describe(request.path("caCertificateId"));
    ObjectNode description =
        Json.object()
            .put("certificateArn", c.arn())
            .put("certificateId", c.id())
            .put("status", c.status())
            .put("certificatePem", c.pem())
            .put("ownedBy", c.ownedBy())
            .put("creationDate", Json.epochSeconds(c.creationDate()))
            .put("autoRegistrationStatus", c.autoRegistration())
            .put("lastModifiedDate", Json.epochSeconds(c.lastModifiedDate()))
            .put("customerVersion", c.customerVersion())
            .put("generationId", c.generationId())
            .put("certificateMode", c.mode());
    description
        .putObject("validity")
        .put("notBefore", Json.epochSeconds(c.x509().getNotBefore().toInstant()))
        .put("notAfter", Json.epochSeconds(c.x509().getNotAfter().toInstant()));
    ObjectNode body = Json.object();
    body.set("certificateDescription", description);
    c.registrationConfig()
        .ifPresent(
            config -> {
              ObjectNode node = body.putObject("registrationConfig");
              config.templateBody().ifPresent(v -> node.put("templateBody", v));
              config.roleArn().ifPresent(v -> node.put("roleArn", v));
              config.templateName().ifPresent(v -> node.put("templateName", v));
            });
    return Responses.ok(body);
  }

  private ApiResponse update(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    cas.update(
        request.path("caCertificateId"),
        new CaUpdate(
            request.query("newStatus"),
            request.query("newAutoRegistrationStatus"),
            Fields.object(body, "registrationConfig").map(CaCertificateOperations::config),
            Fields.bool(body, "removeAutoRegistration").orElse(false)));
    return ApiResponse.empty();
  }

  private ApiResponse delete(ApiRequest request) {
    cas.delete(request.path("caCertificateId"));
    return ApiResponse.empty();
  }

  private ApiResponse list(ApiRequest request) {
    var page =
        cas.list(
            request.queryBoolean("isAscendingOrder").orElse(false),
            request.queryInt("pageSize", 1, 250).orElse(null),
            request.query("marker").orElse(null),
            request.query("templateName"));
    return Responses.page(
        page,
        "certificates",
        "nextMarker",
        (list, c) ->
            list.addObject()
                .put("certificateArn", c.arn())
                .put("certificateId", c.id())
                .put("status", c.status())
                .put("creationDate", Json.epochSeconds(c.creationDate())));
  }

  private ApiResponse listByCa(ApiRequest request) {
    String caId = CaCertificateRegistry.normalizeId(request.path("caCertificateId"));
    var page =
        certificates.listByCa(
            caId,
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

  private ApiResponse registerCertificate(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    String pem = Fields.requiredString(body, "certificatePem");
    CertificateStatus status =
        Fields.string(body, "status")
            .map(CertificateStatus::parse)
            .orElse(
                request.queryBoolean("setAsActive").orElse(false)
                    ? CertificateStatus.ACTIVE
                    : CertificateStatus.INACTIVE);
    Certificate certificate =
        AlreadyExists.naming(
            idOf(pem),
            () -> account.arn("cert", idOf(pem)),
            () -> cas.registerCertificate(pem, Fields.string(body, "caCertificatePem"), status));
    return Responses.ok(
        Json.object()
            .put("certificateArn", certificate.arn())
            .put("certificateId", certificate.id()));
  }

  private static RegistrationConfig config(ObjectNode node) {
    return new RegistrationConfig(
        Fields.string(node, "templateBody"),
        Fields.string(node, "roleArn"),
        Fields.string(node, "templateName"));
  }

  /** The id of the certificate in a PEM body, or null when unreadable (an error follows). */
  private static String idOf(String pem) {
    try {
      return CertificateIds.of(Pem.parseCertificate(pem));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
