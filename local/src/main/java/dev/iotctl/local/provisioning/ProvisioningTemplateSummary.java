package dev.iotctl.local.provisioning;

import java.time.Instant;
import java.util.Optional;

/**
 * A provisioning template as DescribeProvisioningTemplate reports it (the body is the default
 * version's).
 *
 * @param type {@code FLEET_PROVISIONING} or {@code JITP}
 */
public record ProvisioningTemplateSummary(
    String name,
    String arn,
    Optional<String> description,
    boolean enabled,
    String provisioningRoleArn,
    Optional<Hook> preProvisioningHook,
    String type,
    int defaultVersionId,
    String body,
    Instant creationDate,
    Instant lastModifiedDate) {

  /** A pre-provisioning hook: the Lambda function's ARN and the payload version. */
  public record Hook(String targetArn, String payloadVersion) {}

  /** One version of a template. */
  public record Version(int versionId, String body, Instant creationDate, boolean isDefault) {}
}
