package dev.iotctl.cli.certs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.core.pki.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.Policy;

/**
 * Zero-downtime rotation, in two steps: {@code rotate} issues a new certificate with the old one's
 * policies, attached to the same thing, into {@code OUT/DEVICE.next/}, and both work while the
 * device moves to it; {@code rotate --revoke-old} then revokes the old one, promotes the new bundle
 * to {@code OUT/DEVICE/} and keeps the old one as {@code OUT/DEVICE.old-<id>/}. Both steps at once
 * cut off a device still connected with the old certificate.
 */
public final class CertificateRotator {
  private final IotClient iot;
  private final CertificateIssuer issuer;
  private final CertificateRevoker revoker;

  public CertificateRotator(IotClient iot, CertificateIssuer issuer) {
    this.iot = iot;
    this.issuer = issuer;
    this.revoker = new CertificateRevoker(iot);
  }

  public JsonNode rotate(String device, Path outDir, KeyType keyType, boolean revokeOld) {
    Path current = outDir.resolve(device);
    DeviceBundle old =
        DeviceBundle.read(current)
            .orElseThrow(
                () ->
                    new CliException(
                        ExitCodes.NOT_FOUND,
                        "no bundle for " + device + " in " + current,
                        "issue one first with 'iotctl certs issue " + device + "'"));
    String oldArn = old.certificateArn();
    List<String> policies =
        iot.listAttachedPoliciesPaginator(r -> r.target(oldArn)).policies().stream()
            .map(Policy::policyName)
            .toList();
    Path next = outDir.resolve(device + ".next");
    IssueResult issued =
        issuer.issue(
            new IssueRequest(device, policies, null, keyType, next, false, null, Map.of()));
    ObjectNode result =
        Json.MAPPER
            .createObjectNode()
            .put("device", device)
            .put("oldCertificateId", old.certificateId())
            .put("newCertificateId", issued.certificateId())
            .put("newOutcome", issued.outcome().name());
    if (!revokeOld) {
      result.put("newBundleDir", next.toString()).put("oldRevoked", false);
      return result;
    }
    result.set(
        "revocation",
        revoker
            .revoke(
                null, List.of(old.certificateId()), false, "rotated to " + issued.certificateId())
            .result());
    Path retired = outDir.resolve(device + ".old-" + old.certificateId().substring(0, 12));
    try {
      Files.move(current, retired, StandardCopyOption.ATOMIC_MOVE);
      Files.move(next, current, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.FAILURE,
          "the old certificate is revoked but the bundles could not be swapped: " + e.getMessage(),
          "the new bundle is in " + next);
    }
    // The command line in device.json names the bundle's files: point it at the new place.
    DeviceBundle.read(current).orElseThrow().movedTo(current).write(current);
    result.put("newBundleDir", current.toString()).put("oldBundleDir", retired.toString());
    result.put("oldRevoked", true);
    return result;
  }
}
