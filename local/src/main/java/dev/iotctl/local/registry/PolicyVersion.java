package dev.iotctl.local.registry;

import java.time.Instant;

/** One version of a policy, as GetPolicyVersion reports it. */
public record PolicyVersion(
    String policyName,
    String policyArn,
    String versionId,
    String document,
    boolean isDefaultVersion,
    Instant creationDate) {}
