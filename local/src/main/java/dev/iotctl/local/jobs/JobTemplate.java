package dev.iotctl.local.jobs;

import dev.iotctl.core.jobs.JobSettings;
import java.time.Instant;
import java.util.Optional;

/** A job template: a document (or its source) and settings jobs can be created from. */
public record JobTemplate(
    String templateId,
    Optional<String> document,
    Optional<String> documentSource,
    JobSettings settings,
    Instant createdAt) {}
