package dev.iotctl.local.jobs;

import dev.iotctl.core.jobs.JobExecution;
import java.util.Optional;

/**
 * An execution as a device receives it, with the job document as the device sees it (pre-signed URL
 * placeholders replaced) when the request asked for it.
 */
public record DeviceExecution(JobExecution execution, Optional<String> document) {}
