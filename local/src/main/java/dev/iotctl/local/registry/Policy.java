package dev.iotctl.local.registry;

import java.time.Instant;

/** A policy, as GetPolicy reports it: the document is the default version's. */
public record Policy(
    String name,
    String arn,
    String document,
    String defaultVersionId,
    Instant creationDate,
    Instant lastModifiedDate,
    String generationId) {}
