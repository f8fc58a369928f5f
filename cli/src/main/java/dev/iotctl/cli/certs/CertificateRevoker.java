package dev.iotctl.cli.certs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.Certificate;
import software.amazon.awssdk.services.iot.model.CertificateDescription;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.Policy;

/**
 * Revokes one device's certificate(s) — REVOKED and its policies detached; with {@code --delete}
 * also detached from its things and deleted — and proves it touched nothing else: every other
 * certificate's status is read before and after. A leaked key never forces a fleet-wide revoke. The
 * thing stays attached to a certificate that is only revoked, so {@code certs describe DEVICE}
 * still shows it; revoking what is already revoked changes nothing and says so.
 */
public final class CertificateRevoker {
  private final IotClient iot;

  public CertificateRevoker(IotClient iot) {
    this.iot = iot;
  }

  /** What a revoke did; {@code result} is the printed proof. */
  public record Outcome(ObjectNode result, List<String> revoked, List<String> alreadyRevoked) {}

  /**
   * @param device the device (thing) whose certificates to revoke, or null when ids are given
   * @param certificateIds explicit certificate ids (may be empty when a device is given)
   */
  public Outcome revoke(String device, List<String> certificateIds, boolean delete, String reason) {
    List<String> ids = new ArrayList<>(certificateIds);
    if (device != null) {
      ids.addAll(ThingCertificates.idsOf(iot, device));
      if (ids.isEmpty()) {
        throw new CliException(
            ExitCodes.NOT_FOUND,
            "device " + device + " has no certificate attached",
            "revoke by id with --certificate-id");
      }
    }
    Map<String, CertificateStatus> before = fleet();
    ObjectNode result = Json.MAPPER.createObjectNode();
    if (device != null) {
      result.put("device", device);
    }
    if (reason != null) {
      result.put("reason", reason);
    }
    ArrayNode revokedJson = result.putArray("revoked");
    ArrayNode alreadyJson = result.putArray("alreadyRevoked");
    List<String> revoked = new ArrayList<>();
    List<String> already = new ArrayList<>();
    for (String id : ids) {
      CertificateDescription d =
          iot.describeCertificate(r -> r.certificateId(id)).certificateDescription();
      if (d.status() == CertificateStatus.REVOKED && !delete) {
        already.add(id);
        alreadyJson.add(id);
      } else {
        revokedJson.add(revokeOne(d, device, delete));
        revoked.add(id);
      }
    }
    Map<String, CertificateStatus> after = fleet();
    int others = 0;
    int unchanged = 0;
    for (Map.Entry<String, CertificateStatus> e : before.entrySet()) {
      if (!ids.contains(e.getKey())) {
        others++;
        if (e.getValue() == after.get(e.getKey())) {
          unchanged++;
        }
      }
    }
    result.putObject("otherCertificates").put("count", others).put("unchanged", unchanged);
    if (unchanged != others) {
      throw new CliException(
          ExitCodes.FAILURE,
          (others - unchanged)
              + " other certificate(s) changed status while revoking; someone else is changing"
              + " the fleet",
          "compare with 'iotctl certs list'");
    }
    return new Outcome(result, revoked, already);
  }

  private ObjectNode revokeOne(CertificateDescription d, String device, boolean delete) {
    String id = d.certificateId();
    String arn = d.certificateArn();
    List<String> things =
        iot.listPrincipalThingsPaginator(r -> r.principal(arn)).things().stream().toList();
    if (device != null && things.stream().anyMatch(t -> !t.equals(device))) {
      throw new CliException(
          ExitCodes.CONFLICT,
          "certificate "
              + id
              + " is also attached to "
              + things
              + "; revoking it would cut them off",
          "revoke it explicitly with --certificate-id " + id);
    }
    if (d.status() != CertificateStatus.REVOKED) {
      iot.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.REVOKED));
    }
    ObjectNode out =
        Json.MAPPER
            .createObjectNode()
            .put("certificateId", id)
            .put("previousStatus", d.statusAsString());
    ArrayNode policies = out.putArray("detachedPolicies");
    for (Policy p : iot.listAttachedPoliciesPaginator(r -> r.target(arn)).policies()) {
      iot.detachPolicy(r -> r.policyName(p.policyName()).target(arn));
      policies.add(p.policyName());
    }
    ArrayNode detachedThings = out.putArray("detachedThings");
    if (delete) {
      for (String thing : things) {
        iot.detachThingPrincipal(r -> r.thingName(thing).principal(arn));
        detachedThings.add(thing);
      }
      // AWS detaches asynchronously: the SDK retries the DeleteConflict (Retries.DURABLE).
      iot.deleteCertificate(r -> r.certificateId(id));
    }
    out.put("deleted", delete);
    return out;
  }

  /** Every certificate's status in the account/region. */
  private Map<String, CertificateStatus> fleet() {
    Map<String, CertificateStatus> statuses = new LinkedHashMap<>();
    for (Certificate c : iot.listCertificatesPaginator(r -> r.pageSize(250)).certificates()) {
      statuses.put(c.certificateId(), c.status());
    }
    return statuses;
  }
}
