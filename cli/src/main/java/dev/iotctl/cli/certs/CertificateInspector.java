package dev.iotctl.cli.certs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
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

/** {@code certs list} and {@code certs describe}: status, validity, attachments. */
public final class CertificateInspector {
  private static final Pattern CERTIFICATE_ID = Pattern.compile("[0-9a-f]{64}");

  private final IotClient iot;
  private final Clock clock;

  public CertificateInspector(IotClient iot, Clock clock) {
    this.iot = iot;
    this.clock = clock;
  }

  public JsonNode list(String thing, String status) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    if (thing != null) {
      for (String id : ThingCertificates.idsOf(iot, thing)) {
        CertificateDescription d =
            iot.describeCertificate(r -> r.certificateId(id)).certificateDescription();
        if (status == null || status.equalsIgnoreCase(d.statusAsString())) {
          out.addObject()
              .put("certificateId", d.certificateId())
              .put("certificateArn", d.certificateArn())
              .put("status", d.statusAsString())
              .put("creationDate", String.valueOf(d.creationDate()));
        }
      }
      return out;
    }
    for (Certificate c : iot.listCertificatesPaginator(r -> r.pageSize(250)).certificates()) {
      if (status == null || status.equalsIgnoreCase(c.statusAsString())) {
        out.addObject()
            .put("certificateId", c.certificateId())
            .put("certificateArn", c.certificateArn())
            .put("status", c.statusAsString())
            .put("creationDate", String.valueOf(c.creationDate()));
      }
    }
    return out;
  }

  /** One certificate by id, or every certificate of a device. */
  public JsonNode describe(String idOrDevice) {
    List<String> ids =
        CERTIFICATE_ID.matcher(idOrDevice).matches()
            ? List.of(idOrDevice)
            : ThingCertificates.idsOf(iot, idOrDevice);
    if (ids.isEmpty()) {
      throw new CliException(
          ExitCodes.NOT_FOUND, "device " + idOrDevice + " has no certificate attached");
    }
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (String id : ids) {
      out.add(describeOne(id));
    }
    return out.size() == 1 ? out.get(0) : out;
  }

  private ObjectNode describeOne(String id) {
    CertificateDescription d =
        iot.describeCertificate(r -> r.certificateId(id)).certificateDescription();
    X509Certificate x509 = Pem.parseCertificate(d.certificatePem());
    Instant notAfter = x509.getNotAfter().toInstant();
    ObjectNode json =
        Json.MAPPER
            .createObjectNode()
            .put("certificateId", d.certificateId())
            .put("certificateArn", d.certificateArn())
            .put("status", d.statusAsString())
            .put("subject", x509.getSubjectX500Principal().getName())
            .put("issuer", x509.getIssuerX500Principal().getName())
            .put("notBefore", x509.getNotBefore().toInstant().toString())
            .put("notAfter", notAfter.toString())
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
