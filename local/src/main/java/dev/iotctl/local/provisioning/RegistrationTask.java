package dev.iotctl.local.provisioning;

import java.time.Instant;
import java.util.Optional;

/**
 * A bulk thing registration task, as DescribeThingRegistrationTask reports it.
 *
 * @param status {@code InProgress}, {@code Completed}, {@code Failed}, {@code Cancelled} or {@code
 *     Cancelling}
 */
public record RegistrationTask(
    String taskId,
    String templateBody,
    String inputFileBucket,
    String inputFileKey,
    String roleArn,
    String status,
    Optional<String> message,
    int successCount,
    int failureCount,
    int percentageProgress,
    Instant creationDate,
    Instant lastModifiedDate) {}
