package dev.iotctl.cli.certs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.cli.framework.Timestamps;
import dev.iotctl.core.pki.Pem;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.Certificate;
import software.amazon.awssdk.services.iot.model.CertificateDescription;
import software.amazon.awssdk.services.iot.model.Policy;

/**
 * {@code certs list} and {@code certs describe}, in ListCertificates' shape: {@code
 * {"certificates": [...]}} with AWS's keys, for one certificate or many, so the same {@code --query
 * 'certificates[].status'} works on both. Describe adds what a person checks: subject, issuer,
 * validity, days to expiry, policies and things.
 */
public final class CertificateInspector {
  private static final Pattern CERTIFICATE_ID = Pattern.compile("[0-9a-f]{64}");

  private final IotClient iot;
  private final Clock clock;

  public CertificateInspector(IotClient iot, Clock clock) {
    this.iot = iot;
    this.clock = clock;
  }

  public ObjectNode list(String thing, String status) {
    ObjectNode result = Json.MAPPER.createObjectNode();
    ArrayNode out = result.putArray("certificates");
    if (thing != null) {
      for (String id : ThingCertificates.idsOf(iot, thing)) {
        CertificateDescription d =
            iot.describeCertificate(r -> r.certificateId(id)).certificateDescription();
        if (status == null || status.equalsIgnoreCase(d.statusAsString())) {
          out.add(
              summary(
                  d.certificateArn(),
                  d.certificateId(),
                  d.statusAsString(),
                  d.certificateModeAsString(),
                  d.creationDate()));
        }
      }
      return result;
    }
    for (Certificate c : iot.listCertificatesPaginator(r -> r.pageSize(250)).certificates()) {
      if (status == null || status.equalsIgnoreCase(c.statusAsString())) {
        out.add(
            summary(
                c.certificateArn(),
                c.certificateId(),
                c.statusAsString(),
                c.certificateModeAsString(),
                c.creationDate()));
      }
    }
    return result;
  }

  /** One certificate by id, or every certificate of a device, revoked ones included. */
  public ObjectNode describe(String idOrDevice) {
    List<String> ids =
        CERTIFICATE_ID.matcher(idOrDevice).matches()
            ? List.of(idOrDevice)
            : ThingCertificates.idsOf(iot, idOrDevice);
    if (ids.isEmpty()) {
      throw new CliException(
          ExitCodes.NOT_FOUND,
          "device " + idOrDevice + " has no certificate attached",
          "list what exists with 'iotctl certs list'");
    }
    ObjectNode result = Json.MAPPER.createObjectNode();
    ArrayNode out = result.putArray("certificates");
    for (String id : ids) {
      out.add(describeOne(id));
    }
    return result;
  }

  private static ObjectNode summary(
      String arn, String id, String status, String mode, Instant created) {
    ObjectNode json =
        Json.MAPPER
            .createObjectNode()
            .put("certificateArn", arn)
            .put("certificateId", id)
            .put("status", status);
    if (mode != null) {
      json.put("certificateMode", mode);
    }
    return json.put("creationDate", Timestamps.iso(created));
  }

  private ObjectNode describeOne(String id) {
    CertificateDescription d =
        iot.describeCertificate(r -> r.certificateId(id)).certificateDescription();
    X509Certificate x509 = Pem.parseCertificate(d.certificatePem());
    Instant notAfter = x509.getNotAfter().toInstant();
    ObjectNode json =
        summary(
            d.certificateArn(),
            d.certificateId(),
            d.statusAsString(),
            d.certificateModeAsString(),
            d.creationDate());
    if (d.lastModifiedDate() != null) {
      json.put("lastModifiedDate", Timestamps.iso(d.lastModifiedDate()));
    }
    json.putObject("validity")
        .put("notBefore", Timestamps.iso(x509.getNotBefore().toInstant()))
        .put("notAfter", Timestamps.iso(notAfter));
    json.put("subject", x509.getSubjectX500Principal().getName())
        .put("issuer", x509.getIssuerX500Principal().getName())
        .put("daysToExpiry", Duration.between(clock.instant(), notAfter).toDays());
    ArrayNode policies = json.putArray("policies");
    for (Policy p :
        iot.listAttachedPoliciesPaginator(r -> r.target(d.certificateArn())).policies()) {
      policies.add(p.policyName());
    }
    ArrayNode things = json.putArray("things");
    iot.listPrincipalThingsPaginator(r -> r.principal(d.certificateArn()))
        .things()
        .forEach(things::add);
    return json;
  }
}
